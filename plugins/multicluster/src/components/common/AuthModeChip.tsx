import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ClusterIdentity } from '@kubeplatform/clusters-common';

const MODES = {
  service: {
    label: 'Service credential',
    detail: () =>
      "Read with the backend's service credential for this cluster: every viewer sees the same objects.",
  },
  user: {
    label: 'Your credentials',
    detail: (provider?: string) =>
      `Read with your own credentials${
        provider ? ` (${provider})` : ''
      }: the cluster's authProvider is user-level, so you see only what your own Kubernetes RBAC lets you list. Without a session with that provider it shows as unauthorized.`,
  },
} as const;

/** The viewer's provider a user-level cluster needs, e.g. `oidc (okta)`. */
function providerOf(cluster: ClusterIdentity): string | undefined {
  if (!cluster.authProvider) return undefined;
  return cluster.oidcTokenProvider
    ? `${cluster.authProvider} (${cluster.oidcTokenProvider})`
    : cluster.authProvider;
}

/** Whose identity reaches the cluster, in words, with the consequence in a tooltip. */
export function AuthModeChip(props: { cluster: ClusterIdentity }) {
  const { authMode, name } = props.cluster;
  if (!authMode) return null;
  const mode = MODES[authMode];
  const detail = mode.detail(providerOf(props.cluster));
  return (
    <Tooltip title={detail}>
      <Typography
        variant="caption"
        color="textSecondary"
        display="block"
        data-testid={`auth-mode-${name}`}
        data-auth-mode={authMode}
        aria-label={`${mode.label}: ${detail}`}
      >
        {mode.label}
      </Typography>
    </Tooltip>
  );
}
