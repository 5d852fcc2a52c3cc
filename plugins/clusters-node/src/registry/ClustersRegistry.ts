import type { KubeConfig } from '@kubernetes/client-node';
import type { ViewerRequestAuth } from '../auth/authMode';
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
  /**
   * For a user-level cluster: a KubeConfig with the viewer's own credential, computed by the
   * cluster's strategy from the tokens the request carries; undefined for a service-level
   * cluster. Only the viewer access review (`viewerAccessServiceRef`) uses it.
   */
  getViewerKubeConfig(
    name: string,
    requestAuth: ViewerRequestAuth,
  ): Promise<KubeConfig | undefined>;
}
