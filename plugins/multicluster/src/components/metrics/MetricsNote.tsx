import Typography from '@material-ui/core/Typography';
import type { MetricsStatus } from '@kubeplatform/clusters-common';

const lead: Record<MetricsStatus['state'], string> = {
  ok: 'Metrics are partial',
  pending: 'CPU and memory will show after the first metrics fetch',
  unavailable: 'No CPU and memory figures',
  skipped: 'CPU and memory are not looked up in this cluster',
};

/**
 * Why a cluster shows no CPU and memory (or only some): a short note with the backend's reason,
 * never an error. Renders nothing when metrics are fine.
 */
export function MetricsNote(props: { metrics?: MetricsStatus }) {
  const { metrics } = props;
  if (!metrics || (metrics.state === 'ok' && !metrics.reason)) return null;
  const text = metrics.reason
    ? `${lead[metrics.state]}: ${metrics.reason}`
    : `${lead[metrics.state]}.`;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      role="note"
      data-testid="metrics-note"
      data-state={metrics.state}
    >
      {text}
    </Typography>
  );
}
