import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { applyObjects } from '../control/apply';
import { DEMO_NAMESPACES } from '../demo/demoServices';
import { BearerTarget, waitForOidcAuthentication } from './apiserverTrust';
import { LocalIssuer, signInAtLocalIssuer } from './localIssuerLogin';
import { kubernetesUserName, LOCAL_ISSUER_USERS } from './localIssuerUsers';

/**
 * RBAC for the local issuer's users in one cluster: a read binding in every demo namespace
 * for each user who may read this cluster, bound to the user the API server makes of their
 * ID token (`oidc:<email>`). Users not listed for a cluster get nothing there, so it forbids
 * them. The ClusterRole is the fleet's namespace reader (serviceAccounts.ts).
 */
export function oidcAccessObjects(cluster: string): KubernetesObject[] {
  return LOCAL_ISSUER_USERS.filter(u =>
    u.readsClusters.includes(cluster),
  ).flatMap(user =>
    DEMO_NAMESPACES.map(
      namespace =>
        ({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: `oidc-${user.name}-reader`, namespace },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'kubeplatform-namespace-reader',
          },
          subjects: [
            {
              apiGroup: 'rbac.authorization.k8s.io',
              kind: 'User',
              name: kubernetesUserName(user),
            },
          ],
        } as KubernetesObject),
    ),
  );
}

/**
 * Applied on every `up`, so running clusters get changes too; then waits until the cluster
 * accepts a real ID token from the issuer, so nothing that follows races its key fetch.
 */
export async function seedOidcAccess(
  kc: KubeConfig,
  cluster: string,
  target: BearerTarget,
  issuer: LocalIssuer,
  signal?: AbortSignal,
): Promise<void> {
  await applyObjects(kc, oidcAccessObjects(cluster), signal);
  const user = LOCAL_ISSUER_USERS[0];
  const { idToken } = await signInAtLocalIssuer(user.name, { issuer });
  await waitForOidcAuthentication(
    target,
    idToken,
    kubernetesUserName(user),
    60_000,
    signal,
  );
}
