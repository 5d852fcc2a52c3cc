import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefaultClustersService } from './DefaultClustersService';
import {
  readViewerAccessOptions,
  ViewerAccessReviewer,
  ViewerAccessService,
} from './access/ViewerAccessReviewer';
import { readWatchCacheOptions, WatchCache } from './cache/WatchCache';
import { startWatching } from './cache/startWatching';
import { builtInAuthStrategies } from './registry/builtInAuthStrategies';
import { ClustersRegistry } from './registry/ClustersRegistry';
import { configuredClusterSuppliers } from './registry/configuredClusterSuppliers';
import { ClustersService } from './types';

const rootDeps = {
  config: coreServices.rootConfig,
  logger: coreServices.rootLogger,
  lifecycle: coreServices.rootLifecycle,
};

/**
 * For the `clusters` plugin (`@kubeplatform/plugin-clusters-backend`) only: the registry behind
 * {@link clustersServiceRef}, which that plugin configures at init with what its extension points
 * collected. Any other plugin reads clusters through `clustersServiceRef` and extends them
 * through the clusters plugin's extension points.
 *
 * When no plugin configured it by the time the backend has started (the clusters plugin is not
 * installed), it is configured with the defaults (clusters from config and the kubeconfig file,
 * the built-in auth strategies) and a warning is logged, so that waiting reads resume.
 *
 * @public
 */
export const clustersRegistryServiceRef = createServiceRef<ClustersRegistry>({
  id: 'kubeplatform.clusters.registry',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: rootDeps,
      factory: ({ config, logger, lifecycle }) => {
        const registry = DefaultClustersService.awaitingConfiguration(
          config,
          logger.child({ service: 'kubeplatform-clusters' }),
        );
        lifecycle.addStartupHook(() => {
          if (registry.isConfigured()) return;
          logger.warn(
            'The clusters plugin (@kubeplatform/plugin-clusters-backend) is not installed: clusters come from config and the kubeconfig file only (no catalog clusters), with the built-in auth strategies. Add it to the backend to use its extension points.',
          );
          registry.configure({
            suppliers: configuredClusterSuppliers(config, { logger }),
            authStrategies: builtInAuthStrategies({ config, logger }),
          });
        });
        return registry;
      },
    }),
});

/**
 * The clusters service: the registry of clusters and their credentials, one per backend
 * process, read-only. Sources and auth strategies are added through the `clusters` plugin's
 * extension points.
 *
 * @public
 */
export const clustersServiceRef = createServiceRef<ClustersService>({
  id: 'kubeplatform.clusters',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { registry: clustersRegistryServiceRef },
      factory: ({ registry }) => readOnly(registry),
    }),
});

/** Only the read methods, so that a consumer cannot reach `configure`. */
function readOnly(registry: ClustersRegistry): ClustersService {
  return {
    listClusters: () => registry.listClusters(),
    gatherClusters: () => registry.gatherClusters(),
    getCluster: name => registry.getCluster(name),
    getKubeConfig: name => registry.getKubeConfig(name),
  };
}

/**
 * The watch cache over every cluster of the clusters service, one per backend process. Watches
 * start when the clusters plugin calls `startWatching` at init; in a backend without that plugin,
 * when the backend has started.
 *
 * @public
 */
export const watchCacheServiceRef = createServiceRef<WatchCache>({
  id: 'kubeplatform.watch-cache',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { ...rootDeps, clusters: clustersServiceRef },
      factory: ({ config, logger, lifecycle, clusters }) => {
        const cache = new WatchCache(
          clusters,
          readWatchCacheOptions(config),
          logger.child({ service: 'kubeplatform-watch-cache' }),
        );
        // The clusters plugin starts the cache at init; without that plugin, start it here.
        lifecycle.addStartupHook(() => {
          if (!cache.isStarted()) startWatching(cache, logger);
        });
        lifecycle.addShutdownHook(() => cache.stop());
        return cache;
      },
    }),
});

/**
 * Checks a viewer's own rights on user-level clusters (`oidc`, `google`, `aks`) with
 * `SelfSubjectAccessReview`s made with the viewer's token, cached briefly per token hash.
 * The multicluster views gate every user-level cluster through it.
 *
 * @public
 */
export const viewerAccessServiceRef = createServiceRef<ViewerAccessService>({
  id: 'kubeplatform.viewer-access',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        registry: clustersRegistryServiceRef,
      },
      factory: ({ config, registry }) =>
        new ViewerAccessReviewer(
          {
            viewerKubeConfig: (cluster, viewer) =>
              registry.getViewerKubeConfig(cluster, viewer),
          },
          readViewerAccessOptions(config),
        ),
    }),
});
