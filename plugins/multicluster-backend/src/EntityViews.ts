import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { EntityView } from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { entityQuery } from './entities/entityQuery';
import { buildEntityView } from './view/buildEntityView';

/**
 * Resolves entities with the caller's credentials and builds their views from the watch cache.
 * The entity, never the request, decides which workloads are shown.
 */
export class EntityViews {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      permissions: PermissionsService;
      /** The clusters as entities may see them (scoped by the router). */
      cache: { list(): CacheReader[] };
    },
  ) {}

  /** The entity, if it exists for the caller and the caller holds `permission` on it. */
  async authorizedEntity(
    entityRef: string,
    credentials: BackstageCredentials,
    permission: ResourcePermission<'catalog-entity'> | BasicPermission,
  ): Promise<Entity> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const [decision] = await this.deps.permissions.authorize(
      [{ permission, resourceRef: stringifyEntityRef(entity) } as any],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed to ${permission.name} on ${entityRef}`,
      );
    }
    return entity;
  }

  view(entity: Entity, now = new Date()): EntityView {
    return buildEntityView(
      stringifyEntityRef(entity),
      this.deps.cache.list(),
      entityQuery(entity),
      now,
    );
  }
}
