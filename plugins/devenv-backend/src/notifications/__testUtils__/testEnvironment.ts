import type { Environment } from '@kubeplatform/clusters-common';

/**
 * A ready namespace environment `name` on dev-eu, owned by `user:default/<name>-owner` and
 * expiring in an hour; `patch` overrides any of it.
 */
export function testEnvironment(
  name: string,
  patch: Partial<Environment> = {},
): Environment {
  return {
    ref: `dev-eu/${name}`,
    name,
    cluster: 'dev-eu',
    class: 'namespace',
    owner: `user:default/${name}-owner`,
    namespace: name,
    status: 'ready',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    parameters: {},
    connection: {
      kind: 'kubeconfig',
      namespace: name,
      command: 'kubectl-kubeplatform',
    },
    ...patch,
  };
}
