import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { environmentProvisionerServiceRef } from '../service';
import { EnvironmentAccessPolicy } from './EnvironmentAccessPolicy';

/**
 * The environment access policy, configured from `kubeplatform.devenv.admins` and
 * `kubeplatform.devenv.enforceOwnership`, deciding with the plugin's permissions service.
 *
 * @public
 */
export const environmentAccessPolicyServiceRef =
  createServiceRef<EnvironmentAccessPolicy>({
    id: 'kubeplatform.devenv.access-policy',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          auth: coreServices.auth,
          permissions: coreServices.permissions,
          userInfo: coreServices.userInfo,
          provisioner: environmentProvisionerServiceRef,
        },
        factory({ auth, permissions, userInfo, provisioner }) {
          return EnvironmentAccessPolicy.fromSettings(provisioner.settings, {
            auth,
            permissions,
            userInfo,
          });
        },
      }),
  });
