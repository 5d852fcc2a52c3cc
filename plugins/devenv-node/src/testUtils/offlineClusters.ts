import type { EnvironmentClusters } from '../provisioner/connectCluster';

/**
 * A clusters registry that knows `names` (at an address nothing answers on) and refuses to
 * hand out credentials with `refusal`: for tests that must never reach a cluster.
 *
 * @public
 */
export function offlineClusters(
  names: string[],
  refusal: string,
): EnvironmentClusters {
  const details = names.map(name => ({
    name,
    url: 'https://127.0.0.1:1',
    source: 'config' as const,
  }));
  return {
    listClusters: async () => details,
    getCluster: async name => details.find(d => d.name === name),
    getKubeConfig: async () => {
      throw new Error(refusal);
    },
  };
}
