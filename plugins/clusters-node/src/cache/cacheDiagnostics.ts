import type { CacheReader } from './CacheReader';
import { CacheDiagnostics, ClusterWatcher } from './ClusterWatcher';

/**
 * Watch-unit states, list counts and object counts of a cluster read from a WatchCache.
 *
 * @alpha
 */
export function cacheDiagnostics(reader: CacheReader): CacheDiagnostics {
  if (reader instanceof ClusterWatcher) return reader;
  throw new TypeError(
    `No diagnostics for cluster '${reader.identity.name}': it is not read from a WatchCache`,
  );
}
