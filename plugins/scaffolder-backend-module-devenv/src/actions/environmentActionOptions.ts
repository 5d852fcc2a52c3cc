import type { AuditorService } from '@backstage/backend-plugin-api';
import type { createTemplateAction } from '@backstage/plugin-scaffolder-node';
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

/** The zod that the scaffolder hands to an action's schema. */
type ActionZod = Parameters<
  Extract<
    NonNullable<Parameters<typeof createTemplateAction>[0]['schema']>['input'],
    (zImpl: never) => unknown
  >
>[0];

/** The input fields that name the environment an action works on. */
export function environmentTargetInput(z: ActionZod) {
  return {
    cluster: z.string().describe('Cluster the environment is on'),
    name: z.string().describe('Environment name'),
  };
}
