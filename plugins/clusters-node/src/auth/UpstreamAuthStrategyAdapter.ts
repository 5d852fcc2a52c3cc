import type {
  AuthenticationStrategy,
  ClusterDetails as UpstreamClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { ClusterCredential, ClusterDefinition } from '../types';
import { ClusterAuthMode, ClusterAuthStrategyWithMode } from './authMode';

/**
 * The auth a Backstage Kubernetes request carries, e.g. `{ oidc: { okta: '<token>' } }`.
 *
 * @public
 */
export type UpstreamRequestAuth = Parameters<
  AuthenticationStrategy['getCredential']
>[1];

/**
 * One of `@backstage/plugin-kubernetes-backend`'s auth strategies (`AwsIamStrategy`,
 * `AzureIdentityStrategy`, `OidcStrategy`, …) used as a Kubeplatform {@link ClusterAuthStrategy},
 * so that upstream's token code is reused rather than written again.
 *
 * A `service` strategy is asked with no request auth, as upstream asks it for a request that
 * carries none. A `user` strategy needs the viewer's token, which the shared watch cache does not
 * have: `getCredential` says so (the registry reads such a cluster with its `cacheCredential`), and
 * `getViewerCredential` gives the viewer's credential for the per-viewer access review.
 *
 * @public
 */
export class UpstreamAuthStrategyAdapter
  implements ClusterAuthStrategyWithMode
{
  constructor(
    private readonly authProvider: string,
    private readonly upstream: AuthenticationStrategy,
    readonly authMode: ClusterAuthMode,
  ) {}

  async getCredential(cluster: ClusterDefinition): Promise<ClusterCredential> {
    if (this.authMode === 'user') {
      throw new Error(
        `cluster '${cluster.name}' uses authProvider '${this.authProvider}' (user mode): the watch cache reads it with a service credential, and none is configured; set kubeplatform.clusters[].cacheCredential for '${cluster.name}'`,
      );
    }
    return this.getViewerCredential(cluster, {});
  }

  /** The credential upstream computes for a request that carries this auth. */
  async getViewerCredential(
    cluster: ClusterDefinition,
    requestAuth: UpstreamRequestAuth,
  ): Promise<ClusterCredential> {
    return toCredential(
      await this.upstream.getCredential(
        toUpstreamClusterDetails(cluster),
        withOidcProviderAnyCase(cluster, requestAuth),
      ),
    );
  }

  validateCluster(authMetadata: Record<string, string>): Error[] {
    return this.upstream.validateCluster(authMetadata);
  }
}

const OIDC_TOKEN_PROVIDER = 'kubernetes.io/oidc-token-provider';

/**
 * The request auth with the cluster's `oidcTokenProvider` found whatever its case. Viewer tokens
 * arrive in headers (`…-Oidc-<provider>`), whose names Node lower-cases, while upstream's
 * OidcStrategy looks the provider up as configured (`Okta`). An exact key still wins, as with
 * upstream's request body.
 */
function withOidcProviderAnyCase(
  cluster: ClusterDefinition,
  requestAuth: UpstreamRequestAuth,
): UpstreamRequestAuth {
  const provider = cluster.authMetadata[OIDC_TOKEN_PROVIDER];
  const oidc = requestAuth.oidc;
  if (
    !provider ||
    !oidc ||
    typeof oidc !== 'object' ||
    Array.isArray(oidc) ||
    Object.prototype.hasOwnProperty.call(oidc, provider)
  ) {
    return requestAuth;
  }
  const wanted = provider.toLowerCase();
  const key = Object.keys(oidc).find(k => k.toLowerCase() === wanted);
  if (key === undefined) return requestAuth;
  return { ...requestAuth, oidc: { ...oidc, [provider]: oidc[key] } };
}

/**
 * Our cluster as upstream's locators would have produced it.
 *
 * @public
 */
export function toUpstreamClusterDetails(
  cluster: ClusterDefinition,
): UpstreamClusterDetails {
  return {
    name: cluster.name,
    ...(cluster.title && { title: cluster.title }),
    url: cluster.url,
    authMetadata: { ...cluster.authMetadata },
    skipTLSVerify: cluster.skipTLSVerify ?? false,
    caData: cluster.caData,
    caFile: cluster.caFile,
    ...(cluster.dashboardUrl && { dashboardUrl: cluster.dashboardUrl }),
    ...(cluster.dashboardApp && { dashboardApp: cluster.dashboardApp }),
  };
}

function toCredential(credential: KubernetesCredential): ClusterCredential {
  switch (credential.type) {
    case 'bearer token':
      return { type: 'bearer token', token: credential.token };
    case 'x509 client certificate':
      return {
        type: 'x509 client certificate',
        cert: credential.cert,
        key: credential.key,
      };
    default:
      return { type: 'anonymous' };
  }
}
