import type { AuditorService } from '@backstage/backend-plugin-api';
import type {
  EnvironmentAccessPolicy,
  EnvironmentProvisioner,
} from '@kubeplatform/plugin-devenv-node';

/**
 * What each devenv scaffolder action is built from.
 *
 * @public
 */
export interface EnvironmentActionOptions {
  provisioner: EnvironmentProvisioner;
  access: EnvironmentAccessPolicy;
  auditor: AuditorService;
}
