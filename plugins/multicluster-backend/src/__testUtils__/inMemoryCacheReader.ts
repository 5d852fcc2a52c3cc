import type { ClusterIdentity } from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';

/**
 * A cache reader over fixed objects by resource (`deployments`, `pods`, …) for route tests: one
 * cluster, always `ok`, no restart history or events.
 */
export function inMemoryCacheReader(
  identity: ClusterIdentity,
  objects: Record<string, any[]>,
): CacheReader {
  return {
    identity,
    list: (resource: string, namespace?: string) =>
      (objects[resource] ?? []).filter(
        o => !namespace || o.metadata.namespace === namespace,
      ),
    get: (resource: string, namespace: string, name: string) =>
      (objects[resource] ?? []).find(
        o => o.metadata.namespace === namespace && o.metadata.name === name,
      ),
    listByKubernetesId: (resource: string, id: string) =>
      (objects[resource] ?? []).filter(
        o => o.metadata.labels['backstage.io/kubernetes-id'] === id,
      ),
    listByOwner: () => [],
    eventsFor: () => [],
    status: () => ({ state: 'ok' }),
    restartBaseline: () => undefined,
    podUsage: () => undefined,
    metricsStatus: () => ({ state: 'unavailable' }),
  };
}
