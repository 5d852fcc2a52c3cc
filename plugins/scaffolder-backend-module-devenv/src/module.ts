import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { environmentProvisionerServiceRef } from '@kubeplatform/plugin-devenv-node';
import { createEnvironmentAction } from './actions/createEnvironmentAction';
import { deleteEnvironmentAction } from './actions/deleteEnvironmentAction';

/** Registers `kubeplatform:devenv:create` and `kubeplatform:devenv:delete`. */
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
        );
      },
    });
  },
});
