import {
  EntityTimeline,
  TimelineEntryType,
} from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { EntityQuery } from '../entities/entityQuery';
import { buildTimeline } from './buildTimeline';
import { collectTimelineSources } from './collectTimelineSources';

export interface TimelineFilter {
  /** Only these clusters; all when undefined. */
  clusters?: string[];
  /** Only these types; all when undefined. */
  types?: TimelineEntryType[];
}

/** The most entries one answer carries, newest first. */
export const MAX_TIMELINE_ENTRIES = 500;

/** The entity's timeline across the clusters, from the watch cache, filtered and bounded. */
export function entityTimeline(
  entityRef: string,
  readers: CacheReader[],
  query: EntityQuery,
  filter: TimelineFilter,
  now: Date,
): EntityTimeline {
  const selected = readers.filter(
    r => !filter.clusters || filter.clusters.includes(r.identity.name),
  );
  const entries = buildTimeline(
    selected.flatMap(r => collectTimelineSources(r, query)),
  ).filter(e => !filter.types || filter.types.includes(e.type));
  return {
    entityRef,
    generatedAt: now.toISOString(),
    clusters: selected.map(r => ({
      name: r.identity.name,
      sync: r.status(now.getTime()),
    })),
    entries: entries.slice(0, MAX_TIMELINE_ENTRIES),
    truncated: entries.length > MAX_TIMELINE_ENTRIES,
  };
}
