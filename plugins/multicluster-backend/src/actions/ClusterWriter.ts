import type {
  ClustersService,
  WriteRequest,
} from '@kubeplatform/clusters-node';
import { KubernetesConnection } from '@kubeplatform/clusters-node';

/** The few writes the actions make, with the cluster's service credential. */
export interface ClusterWriter {
  /** Sends one PATCH or DELETE; resolves with the parsed JSON answer of a 2xx. */
  send(
    cluster: string,
    request: WriteRequest & { method: 'PATCH' | 'DELETE' },
  ): Promise<unknown>;
}

const USER_AGENT = 'kubeplatform-multicluster-actions';

/**
 * Writes through a `KubernetesConnection` with the clusters service's KubeConfig for the
 * cluster, so the auth strategy, TLS and failure mapping are those the watch cache reads with.
 * Credentials are loaded afresh for every write.
 */
export class KubeConfigClusterWriter implements ClusterWriter {
  constructor(
    private readonly clusters: Pick<ClustersService, 'getKubeConfig'>,
    private readonly timeoutMs: number,
  ) {}

  async send(
    cluster: string,
    request: Parameters<ClusterWriter['send']>[1],
  ): Promise<unknown> {
    const connection = new KubernetesConnection(cluster, () =>
      this.clusters.getKubeConfig(cluster),
    );
    try {
      return await connection.writeJson(request, {
        timeoutMs: this.timeoutMs,
        userAgent: USER_AGENT,
      });
    } finally {
      connection.close();
    }
  }
}
