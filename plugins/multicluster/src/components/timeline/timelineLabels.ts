import { TimelineEntryType } from '@kubeplatform/clusters-common';

export const TIMELINE_TYPE_LABELS: Record<TimelineEntryType, string> = {
  rollout: 'Rollout',
  scaling: 'Scaling',
  restart: 'Restart / crash',
  config: 'Config change',
  event: 'Other event',
};
