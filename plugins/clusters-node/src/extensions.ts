import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ClusterAuthStrategy, ClusterSupplier } from './types';

/** Adds auth strategies, such as OIDC or a cloud provider, keyed by `authProvider`. */
export interface ClustersAuthStrategyExtensionPoint {
  addAuthStrategy(authProvider: string, strategy: ClusterAuthStrategy): void;
}

export const clustersAuthStrategyExtensionPoint =
  createExtensionPoint<ClustersAuthStrategyExtensionPoint>({
    id: 'kubeplatform.clusters.auth-strategy',
  });

/** Adds sources of clusters next to config, the catalog and the kubeconfig file. */
export interface ClustersSupplierExtensionPoint {
  addClusterSupplier(supplier: ClusterSupplier): void;
}

export const clustersSupplierExtensionPoint =
  createExtensionPoint<ClustersSupplierExtensionPoint>({
    id: 'kubeplatform.clusters.supplier',
  });
