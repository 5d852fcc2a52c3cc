import { execFileSync } from 'node:child_process';

/** The names of the deployments in `namespace`, as kubectl with `args` (kubeconfig, context) lists them. */
export function kubectlDeploymentNames(
  args: string[],
  namespace: string,
): string[] {
  return execFileSync(
    'kubectl',
    [
      ...args,
      `--namespace=${namespace}`,
      'get',
      'deployments',
      '-o',
      'jsonpath={.items[*].metadata.name}',
    ],
    { encoding: 'utf8' },
  )
    .split(' ')
    .filter(Boolean);
}
