import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { EntityView } from '@kubeplatform/clusters-common';

/**
 * Where the collator gets an entity's multi-cluster view from.
 *
 * @public
 */
export type EntityViewSource = (
  entity: CompoundEntityRef,
) => Promise<EntityView>;

/**
 * Reads views from the multicluster backend over HTTP with the search plugin's own service
 * credentials, so the view is built exactly as the entity page shows it.
 *
 * @public
 */
export function multiclusterHttpViewSource(deps: {
  auth: AuthService;
  discovery: DiscoveryService;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): EntityViewSource {
  const doFetch = deps.fetch ?? fetch;
  return async ref => {
    const baseUrl = await deps.discovery.getBaseUrl('multicluster');
    const { token } = await deps.auth.getPluginRequestToken({
      onBehalfOf: await deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'multicluster',
    });
    const path = [ref.kind, ref.namespace, ref.name]
      .map(encodeURIComponent)
      .join('/');
    const response = await doFetch(`${baseUrl}/entities/${path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as EntityView;
  };
}
