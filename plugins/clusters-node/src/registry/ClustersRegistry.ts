import {
  ClusterAuthStrategy,
  ClustersService,
  ClusterSupplier,
} from '../types';

/**
 * What the registry serves clusters from.
 *
 * @public
 */
export interface ClustersRegistryOptions {
  /** Asked in this order; the first to name a cluster wins. */
  suppliers: ClusterSupplier[];
  /** By the `authProvider` name clusters refer to. */
  authStrategies: ReadonlyMap<string, ClusterAuthStrategy>;
}

/**
 * The clusters service with its configuration seam. Internal to the `clusters` plugin
 * (`@kubeplatform/plugin-clusters-backend`): other plugins read clusters through the read-only
 * `clustersServiceRef` and extend them through the clusters plugin's extension points.
 *
 * @public
 */
export interface ClustersRegistry extends ClustersService {
  /**
   * Sets the sources and auth strategies; reads waiting for them resume. Configured exactly
   * once per backend: a second call throws.
   */
  configure(options: ClustersRegistryOptions): void;
  isConfigured(): boolean;
}
