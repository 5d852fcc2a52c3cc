import type { ClustersService } from '@kubeplatform/clusters-node';
import { NotFoundError } from '@backstage/errors';
import { ClusterClient } from '../kube/ClusterClient';

/**
 * The part of the clusters service the provisioner uses.
 *
 * @public
 */
export type EnvironmentClusters = Pick<
  ClustersService,
  'listClusters' | 'getCluster' | 'getKubeConfig'
>;

/**
 * A client for a cluster the clusters service knows; NotFoundError for any other name. Every
 * call it makes fails after `timeoutMs`.
 */
export async function connectCluster(
  clusters: EnvironmentClusters,
  cluster: string,
  timeoutMs?: number,
): Promise<ClusterClient> {
  const details = await clusters.getCluster(cluster);
  if (!details) {
    throw new NotFoundError(`Unknown cluster "${cluster}"`);
  }
  const kubeConfig = await clusters.getKubeConfig(cluster);
  return new ClusterClient(cluster, kubeConfig, { timeoutMs });
}
