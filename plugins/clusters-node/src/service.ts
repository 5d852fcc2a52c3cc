import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  RootServiceFactoryOptions,
  ServiceRef,
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

/**
 * A root-scoped service, one per backend process, whose default factory makes it from `deps`.
 * The service's type is the factory's return type.
 */
function rootServiceRef<
  TService,
  TDeps extends { [name in string]: ServiceRef<unknown, 'root'> },
>(
  id: string,
  deps: TDeps,
  factory: RootServiceFactoryOptions<
    TService,
    'singleton',
    TService,
    TDeps
  >['factory'],
): ServiceRef<TService, 'root', 'singleton'> {
  return createServiceRef<TService>({
    id,
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({ service, deps, factory }),
  });
}

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
export const clustersRegistryServiceRef = rootServiceRef(
  'kubeplatform.clusters.registry',
  rootDeps,
  ({ config, logger, lifecycle }): ClustersRegistry => {
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
);

/**
 * The clusters service: the registry of clusters and their credentials, one per backend
 * process, read-only. Sources and auth strategies are added through the `clusters` plugin's
 * extension points.
 *
 * @public
 */
export const clustersServiceRef = rootServiceRef(
  'kubeplatform.clusters',
  { registry: clustersRegistryServiceRef },
  ({ registry }) => readOnly(registry),
);

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
export const watchCacheServiceRef = rootServiceRef(
  'kubeplatform.watch-cache',
  { ...rootDeps, clusters: clustersServiceRef },
  ({ config, logger, lifecycle, clusters }): WatchCache => {
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
);

/**
 * Checks a viewer's own rights on user-level clusters (`oidc`, `google`, `aks`) with
 * `SelfSubjectAccessReview`s made with the viewer's token, cached briefly per token hash.
 * The multicluster views gate every user-level cluster through it.
 *
 * @public
 */
export const viewerAccessServiceRef = rootServiceRef(
  'kubeplatform.viewer-access',
  { config: coreServices.rootConfig, registry: clustersRegistryServiceRef },
  ({ config, registry }): ViewerAccessService =>
    new ViewerAccessReviewer(
      {
        viewerKubeConfig: (cluster, viewer) =>
          registry.getViewerKubeConfig(cluster, viewer),
      },
      readViewerAccessOptions(config),
    ),
);
