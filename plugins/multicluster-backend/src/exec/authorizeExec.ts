import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { multiclusterPodsExecPermission } from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { EntityScope } from '../entities/EntityScope';
import { entityQuery } from '../entities/entityQuery';
import { parseEntityRefParams } from '../entities/parseEntityRef';
import { requireEntityQuery } from '../entities/requireEntityQuery';
import { EntityViews } from '../EntityViews';
import { entityOwnsPod } from '../view/findEntityObjects';

/** What a terminal asks for, from the upgrade request's query string. */
export interface ExecTarget {
  entityRef: string;
  cluster: string;
  namespace: string;
  pod: string;
  container: string;
}

export interface ExecAuthorizer {
  views: Pick<EntityViews, 'authorizedEntity' | 'locates'>;
  cache: { get(cluster: string): CacheReader | undefined };
  entityScope: EntityScope;
}

const K8S_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const CLUSTER_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,251}[A-Za-z0-9])?$/;

/** Validates the query string of an exec request; anything malformed is a 400. */
export function parseExecTarget(query: URLSearchParams): ExecTarget {
  const value = (name: string, pattern: RegExp) => {
    const v = query.get(name);
    if (!v || !pattern.test(v)) throw new InputError(`Malformed ${name}`);
    return v;
  };
  const raw = query.get('entity');
  if (!raw) throw new InputError('Malformed entity');
  let entityRef: string;
  try {
    entityRef = parseEntityRefParams(parseEntityRef(raw));
  } catch {
    throw new InputError('Malformed entity');
  }
  return {
    entityRef,
    cluster: value('cluster', CLUSTER_NAME),
    namespace: value('namespace', K8S_NAME),
    pod: value('pod', K8S_NAME),
    container: value('container', K8S_NAME),
  };
}

/**
 * The whole decision before any exec: the caller holds multicluster.pods.exec on the entity,
 * the pod is one of the entity's workloads' pods in that cluster (as the entity scope lets the
 * entity see it), and the container is one of the pod's containers. Throws NotAllowedError
 * (403), NotFoundError (404) or InputError (400); resolves with the cluster's cache reader.
 */
export async function authorizeExec(
  deps: ExecAuthorizer,
  target: ExecTarget,
  credentials: BackstageCredentials,
): Promise<CacheReader> {
  const entity = await deps.views.authorizedEntity(
    target.entityRef,
    credentials,
    multiclusterPodsExecPermission,
  );
  const query = requireEntityQuery(entityQuery(entity));
  const cached = deps.views.locates(entity, target.cluster)
    ? deps.cache.get(target.cluster)
    : undefined;
  const reader = cached && deps.entityScope.scope(cached);
  const pod = reader?.get('pods', target.namespace, target.pod);
  if (!cached || !reader || !pod || !entityOwnsPod(reader, query, pod)) {
    throw new NotFoundError('No such pod for this entity');
  }
  // The terminal's WebSocket carries no provider token, so the viewer's own rights on a
  // user-level cluster cannot be checked: refused rather than run with the cache's credential.
  if (cached.identity.authMode === 'user') {
    throw new NotAllowedError(
      `Exec is not offered on cluster '${target.cluster}': it is read with your own credentials, which the terminal cannot carry yet`,
    );
  }
  if (pod.metadata?.deletionTimestamp || pod.status?.phase !== 'Running') {
    throw new InputError('The pod is not running');
  }
  const containers = (pod.spec?.containers ?? []).map(c => c.name);
  if (!containers.includes(target.container)) {
    throw new InputError(
      `Unknown container; the pod has ${containers.join(', ')}`,
    );
  }
  return cached;
}
