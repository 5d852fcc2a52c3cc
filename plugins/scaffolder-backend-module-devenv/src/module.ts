import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  environmentAccessPolicyServiceRef,
  environmentProvisionerServiceRef,
} from '@kubeplatform/plugin-devenv-node';
import { applyManifestsAction } from './actions/applyManifestsAction';
import { createEnvironmentAction } from './actions/createEnvironmentAction';
import { deleteEnvironmentAction } from './actions/deleteEnvironmentAction';

/**
 * Registers `kubeplatform:devenv:create`, `kubeplatform:devenv:delete` and `kubeplatform:devenv:apply`.
 *
 * @public
 */
export const scaffolderModuleDevenv = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kubeplatform-devenv',
  register({ registerInit }) {
    registerInit({
      deps: {
        actions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        auditor: coreServices.auditor,
        provisioner: environmentProvisionerServiceRef,
        access: environmentAccessPolicyServiceRef,
      },
      async init({ actions, config, auditor, provisioner, access }) {
        actions.addActions(
          createEnvironmentAction({
            provisioner,
            access,
            auditor,
            appBaseUrl: config.getString('app.baseUrl'),
          }),
          deleteEnvironmentAction({ provisioner, access, auditor }),
          applyManifestsAction({ provisioner, access, auditor }),
        );
      },
    });
  },
});
