import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterIdentity } from '@kubeplatform/clusters-common';

/** Where a cluster definition came from. */
export type ClusterSource = 'config' | 'catalog' | 'kubeconfig';

/**
 * A cluster known to Kubeplatform. This is server-side only: `getKubeConfig` holds credentials,
 * so a ClusterDetails must never be serialised into a response or a log line.
 */
export interface ClusterDetails extends ClusterIdentity {
  url: string;
  source: ClusterSource;
  /** Namespaces to watch; empty or undefined means cluster-wide. */
  namespaces?: string[];
}

/**
 * The root-scoped clusters service shared by every Kubeplatform backend plugin: the registry of
 * clusters and the credentials to reach them.
 */
export interface ClustersService {
  listClusters(): Promise<ClusterDetails[]>;
  getCluster(name: string): Promise<ClusterDetails | undefined>;
  /**
   * A KubeConfig with this cluster's credentials, for server-side API calls.
   * Throws NotFoundError for an unknown cluster.
   */
  getKubeConfig(name: string): Promise<KubeConfig>;
}
