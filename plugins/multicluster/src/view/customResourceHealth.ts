import {
  ClusterView,
  CustomResourceHealth,
  CustomResourceHealthStatus,
  CustomResourceSummary,
  EntityView,
} from '@kubeplatform/clusters-common';
import { StatusLabel } from './clusterStatus';

const labels: Record<CustomResourceHealthStatus, StatusLabel> = {
  Current: { label: 'Current', tone: 'ok' },
  InProgress: { label: 'In progress', tone: 'info' },
  Failed: { label: 'Failed', tone: 'error' },
  Suspended: { label: 'Suspended', tone: 'neutral' },
  Terminating: { label: 'Terminating', tone: 'neutral' },
  Unknown: { label: 'Unknown', tone: 'neutral' },
};

/** The health chip of a custom resource: its status as a word, the reason in the tooltip. */
export function customResourceHealthLabel(
  health: CustomResourceHealth,
): StatusLabel {
  const base = labels[health.status] ?? labels.Unknown;
  const detail = [health.reason, health.message].filter(Boolean).join(': ');
  return detail ? { ...base, detail } : base;
}

/** Every custom resource of the view, with its cluster, in the clusters' order. */
export function customResourceRows(
  view: EntityView,
): Array<{ cluster: ClusterView['cluster']; resource: CustomResourceSummary }> {
  return view.clusters.flatMap(c =>
    (c.customResources ?? []).map(resource => ({
      cluster: c.cluster,
      resource,
    })),
  );
}
