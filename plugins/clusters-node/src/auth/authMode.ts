import {
  ClusterAuthStrategy,
  ClusterCredential,
  ClusterDefinition,
} from '../types';

/**
 * Whose identity reaches a cluster. `service`: one credential of the backend, shared by the
 * watch cache and every viewer. `user`: the signed-in viewer's own token (upstream's `oidc`,
 * `google`, `aks`). The shared cache reads a user-level cluster with its configured
 * `cacheCredential`, and every view of it is checked with the viewer's own token
 * (docs/multicluster-backend.md, "User-level clusters").
 *
 * @public
 */
export type ClusterAuthMode = 'service' | 'user';

/**
 * A strategy that says which mode it serves; strategies that do not say are service-level.
 *
 * @public
 */
export interface ClusterAuthStrategyWithMode extends ClusterAuthStrategy {
  readonly authMode: ClusterAuthMode;
  /**
   * For `user` strategies: the viewer's credential, computed from the auth a request carries
   * (e.g. `{ oidc: { okta: '<id token>' } }`), as upstream's strategy computes it.
   */
  getViewerCredential?(
    cluster: ClusterDefinition,
    requestAuth: ViewerRequestAuth,
  ): Promise<ClusterCredential>;
}

/**
 * The tokens a viewer's request carries, by provider, in upstream's request-body shape:
 * `{ oidc: { <oidcTokenProvider>: token }, google: token, aks: token }`. Holds secrets: never log.
 *
 * @public
 */
export interface ViewerRequestAuth {
  oidc?: Record<string, string>;
  google?: string;
  aks?: string;
  [provider: string]: string | Record<string, string> | undefined;
}

/** The strategy's viewer credential seam, when it is a user-level strategy that has one. */
export function viewerCredentialSource(
  strategy: ClusterAuthStrategy,
): ClusterAuthStrategyWithMode['getViewerCredential'] | undefined {
  if (authModeOf(strategy) !== 'user') return undefined;
  const s = strategy as ClusterAuthStrategyWithMode;
  return s.getViewerCredential?.bind(s);
}

/** @public */
export function authModeOf(strategy: ClusterAuthStrategy): ClusterAuthMode {
  return 'authMode' in strategy &&
    (strategy.authMode === 'user' || strategy.authMode === 'service')
    ? strategy.authMode
    : 'service';
}
