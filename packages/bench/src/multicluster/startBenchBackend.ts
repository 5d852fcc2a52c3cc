import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { WatchCache, watchCacheServiceRef } from '@kubeplatform/clusters-node';

/**
 * One backend with both contenders on the same config and catalog: upstream
 * @backstage/plugin-kubernetes-backend at /api/kubernetes and Kubeplatform at /api/multicluster.
 */
export async function startBenchBackend(config: object, entities: Entity[]) {
  let cache: WatchCache | undefined;
  const probe = createBackendModule({
    pluginId: 'multicluster',
    moduleId: 'bench-cache-probe',
    register(env) {
      env.registerInit({
        deps: { watchCache: watchCacheServiceRef },
        async init({ watchCache }) {
          cache = watchCache;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-kubernetes-backend'),
      import('@kubeplatform/plugin-multicluster-backend'),
      probe,
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({ entities }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootLogger.factory({ level: 'error' }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    cache: cache!,
    stop: () => backend.stop(),
  };
}
