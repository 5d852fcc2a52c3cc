import { ClusterAuthStrategy } from '../types';

/**
 * Whose identity reaches a cluster. `service`: one credential of the backend, shared by the
 * watch cache and every viewer. `user`: the signed-in viewer's own token (upstream's `oidc`,
 * `google`, `aks`), which the shared cache cannot hold; such clusters are listed but not read
 * until per-viewer reads exist (docs/migrating.md, "User-level auth providers").
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
}

/** @public */
export function authModeOf(strategy: ClusterAuthStrategy): ClusterAuthMode {
  return 'authMode' in strategy &&
    (strategy.authMode === 'user' || strategy.authMode === 'service')
    ? strategy.authMode
    : 'service';
}
