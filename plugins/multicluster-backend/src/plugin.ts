import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { multiclusterPermissions } from '@kubeplatform/clusters-common';
import {
  clustersServiceRef,
  watchCacheServiceRef,
} from '@kubeplatform/clusters-node';
import { KubeConfigClusterWriter } from './actions/ClusterWriter';
import { readMulticlusterOptions } from './readMulticlusterOptions';
import { createRouter } from './router';

/**
 * The multi-cluster service view backend, mounted at /api/multicluster. Clusters, their sources
 * and auth strategies belong to the `clusters` plugin (@kubeplatform/plugin-clusters-backend).
 *
 * @public
 */
export const multiclusterPlugin = createBackendPlugin({
  pluginId: 'multicluster',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        cache: watchCacheServiceRef,
        clusters: clustersServiceRef,
      },
      async init({
        config,
        httpRouter,
        httpAuth,
        logger,
        permissions,
        permissionsRegistry,
        auditor,
        catalog,
        cache,
        clusters,
      }) {
        permissionsRegistry.addPermissions(multiclusterPermissions);
        const options = readMulticlusterOptions(config);
        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            catalog,
            permissions,
            cache,
            options,
            auditor,
            writer: new KubeConfigClusterWriter(
              clusters,
              options.actions.requestTimeoutMs,
            ),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // The cache is started by the clusters plugin (or, without it, by the cache service).
      },
    });
  },
});
