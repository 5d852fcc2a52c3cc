import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ClusterAuthStrategy, ClusterSupplier } from './types';

/**
 * Builds an auth strategy from the built-in one of the same `authProvider`, so that a module can
 * wrap it (add caching, record calls, fall back) instead of replacing it.
 *
 * @public
 */
export type ClusterAuthStrategyFactory = (options: {
  /** The built-in strategy for this authProvider; throws when there is none. */
  getDefault: () => ClusterAuthStrategy;
}) => ClusterAuthStrategy | Promise<ClusterAuthStrategy>;

/**
 * The interface of {@link clustersAuthStrategyExtensionPoint}.
 *
 * @public
 */
export interface ClustersAuthStrategyExtensionPoint {
  /**
   * Adds the strategy for clusters whose `authProvider` is this name, such as OIDC or a cloud
   * provider, or replaces or wraps a built-in one (`serviceAccount`, `clientCertificate`,
   * `kubeconfig`). Each authProvider may be registered once: a second registration fails the
   * backend's startup.
   */
  addAuthStrategy(
    authProvider: string,
    strategy: ClusterAuthStrategy | ClusterAuthStrategyFactory,
  ): void;
}

/**
 * Auth strategies of the `clusters` plugin (`@kubeplatform/plugin-clusters-backend`), used by
 * every plugin that reaches clusters: the service view, environments, catalog and search.
 *
 * @public
 */
export const clustersAuthStrategyExtensionPoint =
  createExtensionPoint<ClustersAuthStrategyExtensionPoint>({
    id: 'kubeplatform.clusters.auth-strategy',
  });

/**
 * Builds the list of cluster sources from the built-in ones, so that a module can wrap or filter
 * them instead of replacing them.
 *
 * @public
 */
export type ClusterSuppliersFactory = (options: {
  /** The built-in sources: config, then the kubeconfig file and the catalog when configured. */
  getDefaults: () => ClusterSupplier[];
}) => ClusterSupplier[] | Promise<ClusterSupplier[]>;

/**
 * The interface of {@link clustersSupplierExtensionPoint}.
 *
 * @public
 */
export interface ClustersSupplierExtensionPoint {
  /** Adds a source of clusters next to the built-in ones. Any number may be added. */
  addClusterSupplier(supplier: ClusterSupplier): void;
  /**
   * Replaces the built-in sources (config, kubeconfig file, catalog) with the factory's list.
   * Single-valued: a second call fails the backend's startup.
   */
  setClusterSuppliers(factory: ClusterSuppliersFactory): void;
}

/**
 * Cluster sources of the `clusters` plugin (`@kubeplatform/plugin-clusters-backend`).
 *
 * @public
 */
export const clustersSupplierExtensionPoint =
  createExtensionPoint<ClustersSupplierExtensionPoint>({
    id: 'kubeplatform.clusters.supplier',
  });
