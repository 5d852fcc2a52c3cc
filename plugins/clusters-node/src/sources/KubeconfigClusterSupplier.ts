import { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterDefinition, ClusterSupplier } from '../types';

/**
 * Clusters from a kubeconfig file, one per context (`kubeplatform.kubeconfig`), for local use.
 * The file is re-read on every call so that rotated certificates are picked up.
 *
 * @public
 */
export class KubeconfigClusterSupplier implements ClusterSupplier {
  readonly name = 'kubeconfig';

  constructor(
    private readonly path: string,
    private readonly contexts?: string[],
  ) {}

  static fromConfig(rootConfig: Config): KubeconfigClusterSupplier | undefined {
    const c = rootConfig.getOptionalConfig('kubeplatform.kubeconfig');
    if (!c) return undefined;
    return new KubeconfigClusterSupplier(
      c.getString('path'),
      c.getOptionalStringArray('contexts'),
    );
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    const file = new KubeConfig();
    file.loadFromFile(this.path);
    const wanted = this.contexts ? new Set(this.contexts) : undefined;
    const clusters: ClusterDefinition[] = [];
    for (const context of file.getContexts()) {
      if (wanted && !wanted.has(context.name)) continue;
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromFile(this.path);
      kubeConfig.setCurrentContext(context.name);
      const cluster = kubeConfig.getCurrentCluster();
      if (!cluster) continue;
      clusters.push({
        name: context.name,
        url: cluster.server,
        source: 'kubeconfig',
        authProvider: 'kubeconfig',
        authMetadata: {},
        skipTLSVerify: cluster.skipTLSVerify,
        kubeConfig,
      });
    }
    return clusters;
  }
}
