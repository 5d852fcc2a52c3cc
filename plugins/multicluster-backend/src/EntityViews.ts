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
  isResourcePermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { EntityView } from '@kubeplatform/clusters-common';
import type {
  CacheReader,
  ViewerRequestAuth,
} from '@kubeplatform/clusters-node';
import { ViewerGate } from './access/ViewerGate';
import { entityQuery, isExplanation } from './entities/entityQuery';
import { ServiceLocator } from './entities/serviceLocator';
import { buildClusterView, buildEntityView } from './view/buildEntityView';
import { ClusterViewCache } from './view/ClusterViewCache';

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
      /**
       * Checks user-level clusters with the viewer's own token. Without it, user-level clusters
       * show no objects to anyone (unauthorized).
       */
      gate?: ViewerGate;
    },
  ) {
    this.gate = deps.gate ?? new ViewerGate();
  }

  private readonly gate: ViewerGate;
  private readonly clusterViews = new ClusterViewCache();

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
      [
        isResourcePermission(permission)
          ? { permission, resourceRef: stringifyEntityRef(entity) }
          : { permission },
      ],
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

  /**
   * One cluster as this viewer may see it: unchanged for a service-level cluster; for a
   * user-level one, only what the viewer's own RBAC allows of what `touch` reads (see ViewerGate).
   */
  gateReader(
    entity: Entity,
    reader: CacheReader,
    viewer: ViewerRequestAuth,
    touch: (reader: CacheReader) => void,
  ): Promise<CacheReader> {
    const query = entityQuery(entity);
    return this.gate.reader(
      reader,
      viewer,
      touch,
      isExplanation(query) ? [] : query.namespaces,
    );
  }

  /** The clusters the service locator looks for the entity's objects in, as the viewer may see them. */
  async readersForViewer(
    entity: Entity,
    viewer: ViewerRequestAuth,
    touch: (reader: CacheReader) => void,
  ): Promise<CacheReader[]> {
    return Promise.all(
      this.readersFor(entity).map(r =>
        this.gateReader(entity, r, viewer, touch),
      ),
    );
  }

  /** The entity's view as this viewer may see it. */
  async viewFor(
    entity: Entity,
    viewer: ViewerRequestAuth,
    now = new Date(),
  ): Promise<EntityView> {
    const query = entityQuery(entity);
    const readers = isExplanation(query)
      ? this.readersFor(entity)
      : await this.readersForViewer(entity, viewer, r =>
          buildClusterView(r, query, now),
        );
    return this.viewOf(entity, readers, now);
  }

  /**
   * The entity's view from readers already gated for the viewer (see readersForViewer). A cluster
   * view is reused while its cluster has not changed (ClusterViewCache); a reader gated by the
   * viewer's own access has no changeCount, so its view is built for this viewer alone.
   */
  viewOf(entity: Entity, readers: CacheReader[], now = new Date()): EntityView {
    return buildEntityView(
      stringifyEntityRef(entity),
      readers,
      entityQuery(entity),
      now,
      (reader, query, at) =>
        this.clusterViews.get(reader, query, at, () =>
          buildClusterView(reader, query, at),
        ),
    );
  }
}
