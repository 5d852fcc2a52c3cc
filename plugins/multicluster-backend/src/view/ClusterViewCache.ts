import { ClusterView } from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { EntityQuery } from '../entities/entityQuery';

interface Entry {
  changeCount: number;
  builtAt: number;
  view: ClusterView;
}

/**
 * Cluster views reused while their cluster has not changed. Building one reads every pod of the
 * entity (problems, restarts, metrics against requests and limits): at 50 viewers of services
 * with hundreds of pods that work, repeated for every page view, was what a viewer waited for.
 *
 * A view is reused only for the same cluster and entity query, while the reader's `changeCount`
 * is what it was when the view was built, and for at most `maxAgeMs` (a view also depends on the
 * time: restarts in the last hour, how long a cluster has been stale). Readers without a
 * `changeCount`, which include every reader gated by a viewer's own access, are never reused.
 */
export class ClusterViewCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: { maxAgeMs: number; maxEntries: number } = {
      maxAgeMs: 1_000,
      maxEntries: 2_000,
    },
  ) {}

  get(
    reader: CacheReader,
    query: EntityQuery,
    now: Date,
    build: () => ClusterView,
  ): ClusterView {
    const changeCount = reader.changeCount?.();
    if (changeCount === undefined) return build();
    const key = `${reader.identity.name}\n${JSON.stringify(query)}`;
    const at = now.getTime();
    const entry = this.entries.get(key);
    if (
      entry &&
      entry.changeCount === changeCount &&
      at >= entry.builtAt &&
      at - entry.builtAt < this.options.maxAgeMs
    )
      return entry.view;
    const view = build();
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { changeCount, builtAt: at, view });
    return view;
  }
}
