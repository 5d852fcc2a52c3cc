import type { ClusterIdentity } from '@kubeplatform/clusters-common';
import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';

/**
 * The viewer's own provider tokens for user-level clusters (`authProvider` `oidc`, `google`,
 * `aks`), sent to the multicluster backend as request headers. The backend reads such a cluster
 * with a service credential and shows each viewer only what their own RBAC allows
 * (docs/security.md, "User-level clusters").
 *
 * @public
 */
export interface MulticlusterViewerAuth {
  /**
   * The headers for every user-level provider learned so far, one per provider with a token:
   * `Backstage-Kubernetes-Authorization-Oidc-<oidcTokenProvider>`, `…-Google`, `…-Aks`, each
   * `Bearer <token>`. Empty for a viewer without such a session (a guest).
   */
  headers(): Promise<Record<string, string>>;
  /**
   * Learns the providers of the user-level clusters among `clusters`. Resolves true when a
   * provider not known before yields a token, so a request sent without it is worth repeating.
   */
  learn(clusters: ReadonlyArray<ClusterIdentity>): Promise<boolean>;
  /** Whether any cluster identities were learned from yet (views name their clusters). */
  readonly primed: boolean;
}

interface Provider {
  /** The name upstream's KubernetesAuthProvidersApi knows: `oidc.<name>`, `google`, `aks`. */
  credentialsKey: string;
  header: string;
}

const HEADER = 'Backstage-Kubernetes-Authorization';

/** The provider of a user-level cluster as the backend reads it, or undefined. */
function providerOf(cluster: ClusterIdentity): Provider | undefined {
  if (cluster.authMode !== 'user') return undefined;
  if (cluster.authProvider === 'oidc' && cluster.oidcTokenProvider) {
    return {
      credentialsKey: `oidc.${cluster.oidcTokenProvider}`,
      header: `${HEADER}-Oidc-${cluster.oidcTokenProvider}`,
    };
  }
  if (cluster.authProvider === 'google') {
    return { credentialsKey: 'google', header: `${HEADER}-Google` };
  }
  if (cluster.authProvider === 'aks') {
    return { credentialsKey: 'aks', header: `${HEADER}-Aks` };
  }
  return undefined;
}

/**
 * Asks upstream's `kubernetesAuthProvidersApiRef` (from @backstage/plugin-kubernetes-react, the
 * same API upstream's Kubernetes plugin uses) for the tokens of the providers that the views'
 * user-level clusters name. Without that API (an app without the Kubernetes plugin) it sends
 * nothing, and such clusters show as unauthorized.
 */
export class ViewerCredentials implements MulticlusterViewerAuth {
  private readonly providers = new Map<string, Provider>();
  private learnedFromViews = false;

  constructor(private readonly authProviders?: KubernetesAuthProvidersApi) {}

  get primed(): boolean {
    return this.learnedFromViews;
  }

  async learn(clusters: ReadonlyArray<ClusterIdentity>): Promise<boolean> {
    this.learnedFromViews = true;
    const added: Provider[] = [];
    for (const cluster of clusters) {
      const provider = providerOf(cluster);
      if (provider && !this.providers.has(provider.header)) {
        this.providers.set(provider.header, provider);
        added.push(provider);
      }
    }
    if (!added.length || !this.authProviders) return false;
    const tokens = await Promise.all(added.map(p => this.tokenOf(p)));
    return tokens.some(Boolean);
  }

  async headers(): Promise<Record<string, string>> {
    const providers = [...this.providers.values()];
    const tokens = await Promise.all(providers.map(p => this.tokenOf(p)));
    const headers: Record<string, string> = {};
    providers.forEach((p, i) => {
      const token = tokens[i];
      if (token) headers[p.header] = `Bearer ${token}`;
    });
    return headers;
  }

  /** The viewer's token for the provider; undefined without a session or a configured provider. */
  private async tokenOf(provider: Provider): Promise<string | undefined> {
    if (!this.authProviders) return undefined;
    try {
      const { token } = await this.authProviders.getCredentials(
        provider.credentialsKey,
      );
      return token || undefined;
    } catch {
      // No such provider in the app, or the viewer declined to sign in: send nothing, and the
      // backend says the cluster is unauthorized for them.
      return undefined;
    }
  }
}

const shared = new WeakMap<KubernetesAuthProvidersApi, ViewerCredentials>();

/**
 * The app-wide ViewerCredentials of an auth providers API, so that providers learned by one view
 * serve every other call (drawer, logs, timeline, owner card) in the same session.
 */
export function viewerCredentialsFor(
  authProviders: KubernetesAuthProvidersApi | undefined,
): ViewerCredentials {
  if (!authProviders) return new ViewerCredentials();
  let credentials = shared.get(authProviders);
  if (!credentials) {
    credentials = new ViewerCredentials(authProviders);
    shared.set(authProviders, credentials);
  }
  return credentials;
}
