import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  builtInAuthStrategies,
  CatalogClusterSupplier,
  checkClusterConfig,
  clustersAuthStrategyExtensionPoint,
  clustersRegistryServiceRef,
  clustersSupplierExtensionPoint,
  configuredClusterSuppliers,
  describeUnsupportedKeys,
  startWatching,
  watchCacheServiceRef,
} from '@kubeplatform/clusters-node';
import { AuthStrategyRegistrations } from './extensions/AuthStrategyRegistrations';
import { SupplierRegistrations } from './extensions/SupplierRegistrations';
import { createClustersRouter } from './router';

/**
 * The clusters plugin: owns the clusters service. It collects auth strategies and cluster
 * sources from its extension points, adds the catalog cluster source, configures the clusters
 * registry that every Kubeplatform plugin reads, and starts the watch cache.
 *
 * @public
 */
export const clustersPlugin = createBackendPlugin({
  pluginId: 'clusters',
  register(env) {
    const authStrategies = new AuthStrategyRegistrations();
    const suppliers = new SupplierRegistrations();
    env.registerExtensionPoint(
      clustersAuthStrategyExtensionPoint,
      authStrategies,
    );
    env.registerExtensionPoint(clustersSupplierExtensionPoint, suppliers);

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
        registry: clustersRegistryServiceRef,
        cache: watchCacheServiceRef,
      },
      async init({
        config,
        logger,
        auth,
        httpAuth,
        httpRouter,
        permissions,
        catalog,
        registry,
        cache,
      }) {
        const catalogClusters = CatalogClusterSupplier.fromConfig(config, {
          catalog,
          auth,
          logger,
        });
        const resolvedSuppliers = await suppliers.resolve([
          ...configuredClusterSuppliers(config, { logger }),
          ...(catalogClusters ? [catalogClusters] : []),
        ]);
        const resolvedStrategies = await authStrategies.resolve(
          builtInAuthStrategies({ config, logger }),
        );
        // Bad cluster config stops the backend here, naming the cluster and key.
        const report = await checkClusterConfig(
          config,
          resolvedSuppliers,
          resolvedStrategies,
          logger,
        );
        const unsupported = describeUnsupportedKeys(report);
        if (unsupported) logger.warn(unsupported);

        registry.configure({
          suppliers: resolvedSuppliers,
          authStrategies: resolvedStrategies,
        });
        httpRouter.use(createClustersRouter({ report, httpAuth, permissions }));

        // Watching starts with the backend. This plugin is the only one that starts the cache.
        startWatching(cache, logger);
      },
    });
  },
});
