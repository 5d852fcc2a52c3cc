import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { multiclusterPermissions } from '@kubeplatform/clusters-common';
import { createRouter } from './router';

/**
 * The multi-cluster service view backend, mounted at /api/multicluster.
 */
export const multiclusterPlugin = createBackendPlugin({
  pluginId: 'multicluster',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({ httpRouter, logger, permissionsRegistry }) {
        permissionsRegistry.addPermissions(multiclusterPermissions);
        httpRouter.use(await createRouter({ logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
