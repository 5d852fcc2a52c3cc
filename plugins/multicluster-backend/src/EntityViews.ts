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
import { ServiceLocator } from './entities/serviceLocator';
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
      /** Without it, every cluster is searched for every entity (multiTenant). */
      locator?: ServiceLocator;
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

  /** Whether the service locator looks for the entity's objects in this cluster. */
  locates(entity: Entity, cluster: string): boolean {
    return this.deps.locator?.locates(entity, cluster) ?? true;
  }

  /** The clusters the service locator looks for the entity's objects in. */
  readersFor(entity: Entity): CacheReader[] {
    return this.deps.cache
      .list()
      .filter(reader => this.locates(entity, reader.identity.name));
  }

  view(entity: Entity, now = new Date()): EntityView {
    return buildEntityView(
      stringifyEntityRef(entity),
      this.readersFor(entity),
      entityQuery(entity),
      now,
    );
  }
}
