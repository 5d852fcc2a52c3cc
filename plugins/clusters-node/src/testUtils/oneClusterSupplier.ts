import type {
  ClusterSource,
  ClusterSupplier,
} from '@kubeplatform/clusters-node';

/**
 * A cluster source named after the one cluster it lists, which is read with a fixed service
 * account token.
 *
 * @public
 */
export function oneClusterSupplier(cluster: {
  name: string;
  url: string;
  source: ClusterSource;
}): ClusterSupplier {
  return {
    name: cluster.name,
    getClusters: async () => [
      {
        ...cluster,
        authProvider: 'serviceAccount',
        authMetadata: { serviceAccountToken: 't' },
      },
    ],
  };
}
