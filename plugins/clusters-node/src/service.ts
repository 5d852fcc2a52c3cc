import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefaultClustersService } from './DefaultClustersService';
import { readWatchCacheOptions, WatchCache } from './cache/WatchCache';
import { ClustersService } from './types';

/**
 * The clusters service: the registry of clusters and their credentials, one per backend
 * process. Its default factory reads `kubernetes.clusterLocatorMethods`, `kubeplatform.clusters`
 * and `kubeplatform.kubeconfig`; no wiring is needed.
 */
export const clustersServiceRef = createServiceRef<ClustersService>({
  id: 'kubeplatform.clusters',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
      },
      factory: ({ config, logger }) =>
        DefaultClustersService.fromConfig(
          config,
          logger.child({ service: 'kubeplatform-clusters' }),
        ),
    }),
});

/**
 * The watch cache over every cluster of the clusters service, one per backend process. Watches
 * start when a plugin calls `start()`.
 */
export const watchCacheServiceRef = createServiceRef<WatchCache>({
  id: 'kubeplatform.watch-cache',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
        clusters: clustersServiceRef,
      },
      factory: ({ config, logger, lifecycle, clusters }) => {
        const cache = new WatchCache(
          clusters,
          readWatchCacheOptions(config),
          logger.child({ service: 'kubeplatform-watch-cache' }),
        );
        lifecycle.addShutdownHook(() => cache.stop());
        return cache;
      },
    }),
});
