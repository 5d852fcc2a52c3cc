import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { startFleetBackend } from '@kubeplatform/plugin-clusters-backend/testUtils';

/**
 * One backend with both contenders on the same config and catalog: upstream
 * @backstage/plugin-kubernetes-backend at /api/kubernetes and Kubeplatform at /api/multicluster.
 */
export async function startBenchBackend(config: object, entities: Entity[]) {
  const backend = await startFleetBackend({
    config,
    entities,
    features: [
      import('@backstage/plugin-kubernetes-backend'),
      import('@kubeplatform/plugin-multicluster-backend'),
      mockServices.rootLogger.factory({ level: 'error' }),
    ],
  });
  return {
    baseUrl: `${backend.baseUrl}/api`,
    cache: backend.cache,
    stop: () => backend.stop(),
  };
}
