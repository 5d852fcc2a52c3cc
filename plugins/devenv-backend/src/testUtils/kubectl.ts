import { CommandResult, runCommand } from './runCommand';

/**
 * How to run kubectl.
 *
 * @public
 */
export interface KubectlOptions {
  /** The environment kubectl runs in; this process's by default. */
  env?: NodeJS.ProcessEnv;
  /** The kubectl binary: `$KUBECTL`, or `kubectl` on PATH, by default. */
  kubectl?: string;
}

/**
 * Runs kubectl with a kubeconfig file.
 *
 * @public
 */
export function runKubectl(
  kubeconfig: string,
  args: string[],
  options: KubectlOptions = {},
): Promise<CommandResult> {
  return runCommand(
    options.kubectl ?? process.env.KUBECTL ?? 'kubectl',
    ['--kubeconfig', kubeconfig, ...args],
    options.env,
  );
}

/**
 * `kubectl auth can-i create pods -n <namespace>` with a kubeconfig file: stdout is `yes` or
 * `no`, and the exit code 0 or 1.
 *
 * @public
 */
export function canCreatePods(
  kubeconfig: string,
  namespace: string,
  options: KubectlOptions = {},
): Promise<CommandResult> {
  return runKubectl(
    kubeconfig,
    ['auth', 'can-i', 'create', 'pods', '-n', namespace],
    options,
  );
}
