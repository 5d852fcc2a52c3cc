/**
 * Diagnostics of the watch cache, for tests and benchmarks. Not a stable API.
 *
 * @packageDocumentation
 */

export { cacheDiagnostics } from './cache/cacheDiagnostics';
export type { CacheDiagnostics } from './cache/ClusterWatcher';
export type { WatchUnitState } from './cache/WatchUnit';
export { clearInternTables } from './cache/intern';
