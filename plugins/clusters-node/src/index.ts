/**
 * The root-scoped clusters service: cluster registry, credentials, connections and the watch
 * cache, with extension points for other auth strategies and cluster sources.
 *
 * @packageDocumentation
 */

export type { ClusterDetails, ClusterSource, ClustersService } from './types';
