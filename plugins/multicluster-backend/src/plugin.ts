import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { multiclusterPermissions } from '@kubeplatform/clusters-common';
import {
  CatalogClusterSupplier,
  ClusterAuthStrategy,
  clustersAuthStrategyExtensionPoint,
  clustersServiceRef,
  ClusterSupplier,
  clustersSupplierExtensionPoint,
  watchCacheServiceRef,
} from '@kubeplatform/clusters-node';
import { readMulticlusterOptions } from './readMulticlusterOptions';
import { createRouter } from './router';

/**
 * The multi-cluster service view backend, mounted at /api/multicluster.
 */
export const multiclusterPlugin = createBackendPlugin({
  pluginId: 'multicluster',
  register(env) {
    const authStrategies = new Map<string, ClusterAuthStrategy>();
    const suppliers: ClusterSupplier[] = [];
    env.registerExtensionPoint(clustersAuthStrategyExtensionPoint, {
      addAuthStrategy(authProvider, strategy) {
        authStrategies.set(authProvider, strategy);
      },
    });
    env.registerExtensionPoint(clustersSupplierExtensionPoint, {
      addClusterSupplier(supplier) {
        suppliers.push(supplier);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        clusters: clustersServiceRef,
        cache: watchCacheServiceRef,
      },
      async init({
        config,
        httpRouter,
        httpAuth,
        auth,
        logger,
        permissions,
        permissionsRegistry,
        catalog,
        clusters,
        cache,
      }) {
        permissionsRegistry.addPermissions(multiclusterPermissions);
        for (const [authProvider, strategy] of authStrategies) {
          clusters.addAuthStrategy(authProvider, strategy);
        }
        for (const supplier of suppliers) clusters.addClusterSupplier(supplier);
        const catalogClusters = CatalogClusterSupplier.fromConfig(config, {
          catalog,
          auth,
          logger,
        });
        if (catalogClusters) clusters.addClusterSupplier(catalogClusters);

        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            catalog,
            permissions,
            cache,
            options: readMulticlusterOptions(config),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        // Watching starts with the plugin; a cluster that fails is reported in views, not here.
        cache
          .start()
          .catch(error =>
            logger.error(
              `The watch cache could not read the cluster list: ${error.message}`,
            ),
          );
      },
    });
  },
});
