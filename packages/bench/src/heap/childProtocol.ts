/** What bench:heap's parent and its measuring processes (cacheChild.ts) say to each other. */
export interface ChildRequest {
  appConfigPath: string;
  mode: 'with' | 'without';
  /** Write a heap snapshot here after measuring. */
  snapshotPath?: string;
}

export interface MemoryFigures {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

export interface ChildResult {
  mode: 'with' | 'without';
  /** After the code is loaded and the clusters service built, before the cache starts. */
  before: MemoryFigures;
  /** With the cache synced (or, without a cache, as long after). */
  after: MemoryFigures;
  syncMs: number;
  pods: number;
  /** Every cached object by resource type, summed over the clusters. */
  objects: Record<string, number>;
  states: string[];
  /** Cached pods the pod-metrics reader had a usage sample for when measured. */
  podsWithUsage?: number;
  snapshotPath?: string;
  /** How many of the cached pods' records are objects of their own (with the cache only). */
  sharing?: RecordSharing;
}

/**
 * References from cached pods to each kind of record, and how many distinct objects they point
 * at: with no sharing at all the two are equal.
 */
export type RecordSharing = Record<
  | 'conditionLists'
  | 'conditions'
  | 'containerStatusLists'
  | 'containerStatuses'
  | 'containerStates'
  | 'podStatuses',
  { references: number; distinct: number }
>;

export const RESULT_PREFIX = 'heap-bench-result ';
