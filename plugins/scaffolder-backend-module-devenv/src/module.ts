import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { environmentProvisionerServiceRef } from '@kubeplatform/plugin-devenv-node';
import { applyManifestsAction } from './actions/applyManifestsAction';
import { createEnvironmentAction } from './actions/createEnvironmentAction';
import { deleteEnvironmentAction } from './actions/deleteEnvironmentAction';

/** Registers `kubeplatform:devenv:create`, `kubeplatform:devenv:delete` and `kubeplatform:devenv:apply`. */
export const scaffolderModuleDevenv = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kubeplatform-devenv',
  register({ registerInit }) {
    registerInit({
      deps: {
        actions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        provisioner: environmentProvisionerServiceRef,
      },
      async init({ actions, config, userInfo, permissions, provisioner }) {
        actions.addActions(
          createEnvironmentAction({
            provisioner,
            userInfo,
            permissions,
            appBaseUrl: config.getString('app.baseUrl'),
          }),
          deleteEnvironmentAction({ provisioner, userInfo, permissions }),
          applyManifestsAction({ provisioner, userInfo, permissions }),
        );
      },
    });
  },
});
