import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ClusterIdentity } from '@kubeplatform/clusters-common';

const MODES = {
  service: {
    label: 'Service credential',
    detail:
      "Read with the backend's own credential for this cluster: every viewer sees the same objects.",
  },
  user: {
    label: 'Your credentials',
    detail:
      'This cluster is reached as the signed-in user (its authProvider is user-level): what you see depends on your own access.',
  },
} as const;

/** Whose identity reaches the cluster, in words, with the consequence in a tooltip. */
export function AuthModeChip(props: { cluster: ClusterIdentity }) {
  const { authMode, name } = props.cluster;
  if (!authMode) return null;
  const mode = MODES[authMode];
  return (
    <Tooltip title={mode.detail}>
      <Typography
        variant="caption"
        color="textSecondary"
        display="block"
        data-testid={`auth-mode-${name}`}
        data-auth-mode={authMode}
        aria-label={`${mode.label}: ${mode.detail}`}
      >
        {mode.label}
      </Typography>
    </Tooltip>
  );
}
