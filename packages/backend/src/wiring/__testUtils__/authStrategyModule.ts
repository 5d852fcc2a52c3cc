import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  ClusterAuthStrategy,
  clustersAuthStrategyExtensionPoint,
} from '@kubeplatform/clusters-node';

/** A module of the clusters plugin that installs `strategy` for `authProvider`. */
export function authStrategyModule(
  moduleId: string,
  authProvider: string,
  strategy: () => ClusterAuthStrategy,
) {
  return createBackendModule({
    pluginId: 'clusters',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { auth: clustersAuthStrategyExtensionPoint },
        async init({ auth }) {
          auth.addAuthStrategy(authProvider, strategy());
        },
      });
    },
  });
}
