/**
 * The root-scoped clusters service: cluster registry, credentials, connections and the watch
 * cache, with extension points for other auth strategies and cluster sources.
 *
 * @packageDocumentation
 */

export type {
  ClusterAuthStrategy,
  ClusterCacheCredential,
  ClusterCredential,
  ClusterDefinition,
  ClusterDetails,
  ClusterSource,
  ClusterSourceError,
  ClustersService,
  ClusterSupplier,
  GatheredClusters,
} from './types';
export {
  clustersRegistryServiceRef,
  clustersServiceRef,
  watchCacheServiceRef,
  viewerAccessServiceRef,
} from './service';
export {
  ViewerAccessReviewer,
  readViewerAccessOptions,
  DEFAULT_VIEWER_ACCESS_OPTIONS,
  type AccessAttributes,
  type ViewerAccessOptions,
  type ViewerAccessReview,
  type ViewerAccessService,
} from './access/ViewerAccessReviewer';
export type {
  ClustersRegistry,
  ClustersRegistryOptions,
} from './registry/ClustersRegistry';
export {
  builtInAuthStrategies,
  type BuiltInAuthStrategiesOptions,
} from './registry/builtInAuthStrategies';
export { configuredClusterSuppliers } from './registry/configuredClusterSuppliers';
export {
  buildConfigReport,
  describeUnsupportedKeys,
  type ClustersConfigReport,
  type ConfiguredClusterAuth,
  type UnsupportedConfigKey,
} from './registry/configReport';
export {
  validateConfiguredClusters,
  type ConfiguredCluster,
} from './registry/validateConfiguredClusters';
export { readConfiguredClusters } from './registry/readConfiguredClusters';
export { checkClusterConfig } from './registry/checkClusterConfig';
export {
  authModeOf,
  type ClusterAuthMode,
  type ClusterAuthStrategyWithMode,
  type ViewerRequestAuth,
} from './auth/authMode';
export {
  UpstreamAuthStrategyAdapter,
  toUpstreamClusterDetails,
  type UpstreamRequestAuth,
} from './auth/UpstreamAuthStrategyAdapter';
export {
  InClusterServiceAccount,
  IN_CLUSTER_SERVICE_ACCOUNT_DIR,
} from './auth/InClusterServiceAccount';
export { ServiceAccountStrategy } from './auth/ServiceAccountStrategy';
export { DefaultClustersService } from './DefaultClustersService';
export * from './extensions';
export { CatalogClusterSupplier } from './sources/CatalogClusterSupplier';
export { ConfigClusterSupplier } from './sources/ConfigClusterSupplier';
export { KubeconfigClusterSupplier } from './sources/KubeconfigClusterSupplier';
export {
  GkeClusterSupplier,
  type GkeClusterManagerClient,
} from './sources/GkeClusterSupplier';
export {
  LocalKubectlProxyClusterSupplier,
  KUBECTL_PROXY_PORT,
} from './sources/LocalKubectlProxyClusterSupplier';
export { validateClusterApiServerUrl } from './sources/validateClusterApiServerUrl';
export { KubernetesConnection } from './connection/KubernetesConnection';
export type {
  RequestOptions,
  WriteRequest,
} from './connection/KubernetesConnection';
export {
  KubernetesRequestError,
  type KubernetesFailureKind,
} from './connection/KubernetesRequestError';
export {
  WatchCache,
  readWatchCacheOptions,
  type WatchCacheOptions,
} from './cache/WatchCache';
export { startWatching } from './cache/startWatching';
export type { CacheChange, EventBounds } from './cache/ClusterWatcher';
export type { CacheReader, ClusterCache } from './cache/CacheReader';
export type { WatchTuning } from './cache/WatchUnit';
export type {
  CachedObject,
  CachedResource,
  CachedResourceTypes,
} from './cache/resources';
