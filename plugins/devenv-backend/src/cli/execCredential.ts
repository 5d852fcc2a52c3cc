import { issuedKubeconfigParts } from './issuedKubeconfigParts';

/**
 * What a `kubectl` exec credential plugin prints: the environment's namespace-scoped token and
 * when it expires, so that kubectl asks again after that.
 */
export interface ExecCredential {
  apiVersion: 'client.authentication.k8s.io/v1';
  kind: 'ExecCredential';
  status: { token: string; expirationTimestamp: string };
}

/** The ExecCredential for a freshly issued kubeconfig. */
export function execCredential(issued: {
  kubeconfig: string;
  expiresAt: string;
}): ExecCredential {
  const { token } = issuedKubeconfigParts(issued.kubeconfig);
  return {
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: {
      token,
      expirationTimestamp: new Date(issued.expiresAt).toISOString(),
    },
  };
}
