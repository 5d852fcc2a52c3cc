import { HttpAuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  isTimelineEntryType,
  multiclusterViewReadPermission,
  TIMELINE_ENTRY_TYPES,
  TimelineEntryType,
} from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { Request, Router } from 'express';
import { EntityViews } from '../EntityViews';
import { entityQuery } from '../entities/entityQuery';
import { parseEntityRefParams } from '../entities/parseEntityRef';
import { requireEntityQuery } from '../entities/requireEntityQuery';
import { entityTimeline, TimelineFilter } from '../timeline/entityTimeline';

const MAX_FILTER_VALUES = 100;

/**
 * `GET <entityPath>/timeline?cluster=&type=`: what happened to the entity's workloads across the
 * clusters, behind `multicluster.view.read` on the entity and within the entity scope, like the
 * view. Both filters take a comma-separated list or repeat.
 */
export function addTimelineRoute(
  router: Router,
  entityPath: string,
  deps: {
    httpAuth: HttpAuthService;
    views: EntityViews;
    /**
     * The clusters as the entity and the viewer may see them (scoped and located by the router;
     * user-level clusters checked with the viewer's token for what `touch` reads).
     */
    readers: (
      entity: Entity,
      req: Request,
      touch: (reader: CacheReader) => void,
    ) => Promise<CacheReader[]>;
  },
) {
  router.get(`${entityPath}/timeline`, async (req, res) => {
    const filter: TimelineFilter = {
      clusters: listParam(req.query.cluster, 'cluster'),
      types: typesParam(req.query.type),
    };
    const credentials = await deps.httpAuth.credentials(req);
    const ref = parseEntityRefParams(req.params);
    const entity = await deps.views.authorizedEntity(
      ref,
      credentials,
      multiclusterViewReadPermission,
    );
    const query = requireEntityQuery(entityQuery(entity));
    const entityRef = stringifyEntityRef(entity);
    const now = new Date();
    const readers = await deps.readers(entity, req, r =>
      entityTimeline(entityRef, [r], query, filter, now),
    );
    res.json(entityTimeline(entityRef, readers, query, filter, now));
  });
}

function listParam(value: unknown, name: string): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  const raw = Array.isArray(value) ? value : [value];
  if (raw.some(v => typeof v !== 'string')) {
    throw new InputError(`${name} must be a name or a comma-separated list`);
  }
  const values = (raw as string[])
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(Boolean);
  if (values.length > MAX_FILTER_VALUES || values.some(v => v.length > 253)) {
    throw new InputError(
      `${name} takes at most ${MAX_FILTER_VALUES} names of at most 253 characters`,
    );
  }
  return values.length ? values : undefined;
}

function typesParam(value: unknown): TimelineEntryType[] | undefined {
  const values = listParam(value, 'type');
  if (!values) return undefined;
  const unknown = values.filter(v => !isTimelineEntryType(v));
  if (unknown.length) {
    throw new InputError(
      `Unknown timeline type ${unknown
        .map(u => JSON.stringify(u.slice(0, 40)))
        .join(', ')}; use ${TIMELINE_ENTRY_TYPES.join(', ')}`,
    );
  }
  return values.filter(isTimelineEntryType);
}
