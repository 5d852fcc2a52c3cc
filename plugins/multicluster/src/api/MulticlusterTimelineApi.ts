import { createApiRef } from '@backstage/core-plugin-api';
import type {
  EntityTimeline,
  TimelineEntryType,
} from '@kubeplatform/clusters-common';
import type { EntityAddress, RequestOptions } from './MulticlusterApi';

/**
 * Which part of the timeline to read; everything when empty.
 *
 * @public
 */
export interface TimelineQuery {
  clusters?: string[];
  types?: TimelineEntryType[];
}

/**
 * The change timeline of an entity's workloads across clusters
 * (`GET /api/multicluster/entities/:kind/:namespace/:name/timeline`). Kept apart from
 * MulticlusterApi so that apps and tests that implement that interface keep working.
 *
 * @public
 */
export interface MulticlusterTimelineApi {
  getEntityTimeline(
    entity: EntityAddress,
    query?: TimelineQuery,
    options?: RequestOptions,
  ): Promise<EntityTimeline>;
}

/** @public */
export const multiclusterTimelineApiRef = createApiRef<MulticlusterTimelineApi>(
  { id: 'plugin.multicluster.timeline' },
);
