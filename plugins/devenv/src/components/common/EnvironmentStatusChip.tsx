import Chip from '@material-ui/core/Chip';
import type { EnvironmentStatus } from '@kubeplatform/clusters-common';

const COLORS: Record<EnvironmentStatus, 'primary' | 'secondary' | 'default'> = {
  ready: 'primary',
  sleeping: 'default',
  provisioning: 'default',
  pending: 'default',
  deleting: 'default',
  failed: 'secondary',
};

export const EnvironmentStatusChip = ({
  status,
  message,
}: {
  status: EnvironmentStatus;
  message?: string;
}) => (
  <Chip
    size="small"
    label={status}
    color={COLORS[status] ?? 'default'}
    title={message}
  />
);
