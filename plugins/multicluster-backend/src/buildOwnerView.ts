import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { ViewerRequestAuth } from '@kubeplatform/clusters-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  multiclusterViewReadPermission,
  OwnerView,
} from '@kubeplatform/clusters-common';
import { EntityViews } from './EntityViews';
import { entityQuery, isExplanation } from './entities/entityQuery';
import { healthRank } from './view/health';

/**
 * The team view: every entity owned by the group (or by the user and the user's groups) that is
 * linked to workloads, summarised. Entities the caller may not view are left out.
 */
export async function buildOwnerView(
  owner: Entity,
  credentials: BackstageCredentials,
  deps: {
    catalog: CatalogService;
    permissions: PermissionsService;
    views: EntityViews;
    /** The viewer's provider tokens, for user-level clusters. */
    viewer?: ViewerRequestAuth;
  },
  now = new Date(),
): Promise<OwnerView> {
  const ownerRef = stringifyEntityRef(owner);
  const owners = [ownerRef];
  if (owner.kind.toLowerCase() === 'user') {
    for (const r of owner.relations ?? []) {
      if (r.type === RELATION_MEMBER_OF) owners.push(r.targetRef);
    }
  }
  const { items } = await deps.catalog.getEntities(
    { filter: owners.map(o => ({ 'relations.ownedBy': o })) },
    { credentials },
  );
  const linked = items.filter(e => !isExplanation(entityQuery(e)));
  const decisions = linked.length
    ? await deps.permissions.authorize(
        linked.map(e => ({
          permission: multiclusterViewReadPermission,
          resourceRef: stringifyEntityRef(e),
        })),
        { credentials },
      )
    : [];
  const entities: OwnerView['entities'] = [];
  const allowed = linked.filter(
    (_, i) => decisions[i]?.result === AuthorizeResult.ALLOW,
  );
  const views = await Promise.all(
    allowed.map(entity => deps.views.viewFor(entity, deps.viewer ?? {}, now)),
  );
  allowed.forEach((entity, i) => {
    const view = views[i];
    const problems = view.clusters.flatMap(c => c.problems);
    entities.push({
      entityRef: view.entityRef,
      ...(entity.metadata.title && { title: entity.metadata.title }),
      health: view.health,
      incomplete: view.incomplete,
      problemCounts: {
        error: problems.filter(p => p.severity === 'error').length,
        warning: problems.filter(p => p.severity === 'warning').length,
        info: problems.filter(p => p.severity === 'info').length,
      },
      ...(problems[0] && { topProblem: worstFirst(problems)[0] }),
      clusters: view.clusters.map(c => ({
        cluster: c.cluster.name,
        health: c.health,
        sync: c.sync,
      })),
    });
  });
  entities.sort(
    (a, b) =>
      healthRank(b.health) - healthRank(a.health) ||
      a.entityRef.localeCompare(b.entityRef),
  );
  return { ownerRef, generatedAt: now.toISOString(), entities };
}

function worstFirst<T extends { severity: string }>(problems: T[]): T[] {
  const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
  return [...problems].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
