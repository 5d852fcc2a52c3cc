/**
 * Scaffolder actions `kubeplatform:devenv:create`, `kubeplatform:devenv:delete` and
 * `kubeplatform:devenv:apply`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleDevenv as default } from './module';
export {
  createEnvironmentAction,
  CREATE_ACTION_ID,
} from './actions/createEnvironmentAction';
export {
  deleteEnvironmentAction,
  DELETE_ACTION_ID,
} from './actions/deleteEnvironmentAction';
export {
  applyManifestsAction,
  APPLY_ACTION_ID,
} from './actions/applyManifestsAction';
export type { EnvironmentActionOptions } from './actions/environmentActionOptions';
