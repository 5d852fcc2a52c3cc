import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { multiclusterPermissions } from '@kubeplatform/clusters-common';
import {
  clustersServiceRef,
  viewerAccessServiceRef,
  watchCacheServiceRef,
} from '@kubeplatform/clusters-node';
import { KubeConfigClusterWriter } from './actions/ClusterWriter';
import { terminalRouter } from './exec/terminalRouter';
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
        auth: coreServices.auth,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        cache: watchCacheServiceRef,
        clusters: clustersServiceRef,
        viewerAccess: viewerAccessServiceRef,
      },
      async init({
        config,
        httpRouter,
        httpAuth,
        auth,
        logger,
        permissions,
        permissionsRegistry,
        auditor,
        catalog,
        cache,
        clusters,
        viewerAccess,
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
            viewerAccess,
            writer: new KubeConfigClusterWriter(
              clusters,
              options.actions.requestTimeoutMs,
            ),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.use(
          terminalRouter({
            config,
            auth,
            httpAuth,
            logger,
            auditor,
            permissions,
            catalog,
            cache,
            clusters,
            options,
          }),
        );
        // The terminal authenticates its WebSocket upgrade itself (exec/execEndpoint.ts).
        httpRouter.addAuthPolicy({ path: '/exec', allow: 'unauthenticated' });
        // The cache is started by the clusters plugin (or, without it, by the cache service).
      },
    });
  },
});
