/**
 * Scaffolder actions `kubeplatform:devenv:create` and `kubeplatform:devenv:delete`.
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
