/**
 * Test utilities: the `kubectl-kubeplatform` credential plugin of this repository and a real
 * kubectl, run as a developer would. For tests only.
 *
 * @packageDocumentation
 */

export { runCommand, type CommandResult } from './runCommand';
export { canCreatePods, runKubectl, type KubectlOptions } from './kubectl';
export {
  installCredentialPlugin,
  startPluginLogin,
  type CredentialPluginInstall,
  type PluginLogin,
} from './credentialPlugin';
