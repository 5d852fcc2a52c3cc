import { NotAllowedError } from '@backstage/errors';
import type { SyncStatus } from '@kubeplatform/clusters-common';
import type {
  AccessAttributes,
  CacheReader,
  CachedObject,
  CachedResource,
  CachedResourceTypes,
  ViewerAccessService,
  ViewerRequestAuth,
} from '@kubeplatform/clusters-node';

/** The API group of each cached resource type, for SelfSubjectAccessReviews. */
const GROUPS: Record<Exclude<CachedResource, 'customresources'>, string> = {
  pods: '',
  deployments: 'apps',
  replicasets: 'apps',
  statefulsets: 'apps',
  daemonsets: 'apps',
  jobs: 'batch',
  cronjobs: 'batch',
  horizontalpodautoscalers: 'autoscaling',
  services: '',
  ingresses: 'networking.k8s.io',
  resourcequotas: '',
  events: '',
};

/** One resource type in one namespace, as a review asks about it. */
interface Need {
  group: string;
  resource: string;
  namespace: string;
}

const needKey = (n: Need) => `${n.namespace}\0${n.group}\0${n.resource}`;

/** What a viewer must be allowed to `list` to see a pod's CPU and memory: its PodMetrics. */
const podMetricsNeed = (namespace: string): Need => ({
  group: 'metrics.k8s.io',
  resource: 'pods',
  namespace,
});

/**
 * What the viewer must be allowed to `list` to see this object: its type in its namespace. A
 * custom resource's type is its group and its kind's conventional plural (lower case + `s`); a
 * kind with another plural is then denied, never shown by mistake.
 */
function needOf(resource: CachedResource, obj: CachedObject): Need {
  const namespace = obj.metadata?.namespace ?? '';
  if (resource === 'customresources') {
    const cr = obj as CachedResourceTypes['customresources'];
    const slash = cr.apiVersion.indexOf('/');
    return {
      group: slash < 0 ? '' : cr.apiVersion.slice(0, slash),
      resource: `${cr.kind.toLowerCase()}s`,
      namespace,
    };
  }
  return { group: GROUPS[resource], resource, namespace };
}

/**
 * Gates user-level clusters (`oidc`, `google`, `aks`) by the viewer's own RBAC. The watch cache
 * reads such a cluster with a service credential; before a viewer sees any of its objects, the
 * API server is asked, with the viewer's token, whether they may `list` each type the view shows
 * in each namespace it shows it from. Objects of a denied type and namespace are hidden; a viewer
 * denied all of them sees the cluster as `forbidden` (or `unauthorized` without a usable token).
 * Service-level clusters pass unchanged.
 */
export class ViewerGate {
  constructor(private readonly access?: ViewerAccessService) {}

  /**
   * For a user-level cluster: throws NotAllowedError unless the viewer's own RBAC allows
   * `attributes` (a write, reading logs). Service-level clusters pass.
   */
  async requireAllowed(
    reader: Pick<CacheReader, 'identity'>,
    viewer: ViewerRequestAuth,
    attributes: AccessAttributes,
  ): Promise<void> {
    if (reader.identity.authMode !== 'user') return;
    const review = this.access
      ? await this.access.review(reader.identity.name, viewer, [attributes])
      : undefined;
    if (review?.allowed[0] === true) return;
    const what = `${attributes.verb} ${attributes.resource}${
      attributes.subresource ? `/${attributes.subresource}` : ''
    }${attributes.group ? `.${attributes.group}` : ''}${
      attributes.namespace ? ` in ${attributes.namespace}` : ''
    }`;
    throw new NotAllowedError(
      review?.failure
        ? `Your credentials cannot be checked on cluster '${reader.identity.name}': ${review.failure.reason}`
        : `Your credentials may not ${what} on cluster '${reader.identity.name}'`,
    );
  }

  /**
   * The reader as this viewer may see it. `touch` runs what the route will build from the
   * reader (a cluster view, a workload detail, a timeline), so that exactly the types and
   * namespaces it reads are checked. `fallbackNamespaces`: what to check when the build reads
   * nothing (the entity's namespaces, or cluster-wide), so that "nothing here" is never told to
   * a viewer who may not look.
   */
  async reader(
    reader: CacheReader,
    viewer: ViewerRequestAuth,
    touch: (reader: CacheReader) => void,
    fallbackNamespaces: string[] = [],
  ): Promise<CacheReader> {
    if (reader.identity.authMode !== 'user') return reader;
    const needs = new Map<string, Need>();
    touch(recording(reader, need => needs.set(needKey(need), need)));
    if (!needs.size) {
      for (const namespace of fallbackNamespaces.length
        ? fallbackNamespaces
        : ['']) {
        const need = { group: '', resource: 'pods', namespace };
        needs.set(needKey(need), need);
      }
    }
    const asked = [...needs.values()];
    const attributes: AccessAttributes[] = asked.map(n => ({
      verb: 'list',
      group: n.group,
      resource: n.resource,
      ...(n.namespace && { namespace: n.namespace }),
    }));
    const review = this.access
      ? await this.access.review(reader.identity.name, viewer, attributes)
      : {
          allowed: attributes.map(() => false),
          failure: {
            state: 'unauthorized',
            reason: 'the viewer access check is not installed',
          },
        };
    const allowed = new Set(
      asked.filter((_, i) => review.allowed[i]).map(needKey),
    );
    const denied = asked.filter((_, i) => !review.allowed[i]);
    const failure = review.failure;
    return filtered(reader, allowed, (base: SyncStatus): SyncStatus => {
      if (failure) {
        return { state: syncStateOf(failure.state), reason: failure.reason };
      }
      if (!allowed.size) {
        return {
          state: 'forbidden',
          reason: `your credentials may not read this in cluster '${
            reader.identity.name
          }' (${describe(denied)})`,
        };
      }
      if (!denied.length) return base;
      return {
        ...base,
        partial: [
          ...(base.partial ?? []),
          ...denied.map(d => ({
            resource: d.group ? `${d.resource}.${d.group}` : d.resource,
            ...(d.namespace && { namespace: d.namespace }),
            state: 'forbidden' as const,
            reason: 'your credentials may not list these',
          })),
        ],
      };
    });
  }
}

function syncStateOf(state: string): SyncStatus['state'] {
  return state === 'unauthorized' ||
    state === 'unreachable' ||
    state === 'timeout'
    ? state
    : 'forbidden';
}

function describe(needs: Need[]): string {
  const shown = needs
    .slice(0, 3)
    .map(
      n =>
        `list ${n.group ? `${n.resource}.${n.group}` : n.resource}${
          n.namespace ? ` in ${n.namespace}` : ''
        }`,
    );
  return needs.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** A reader that reports every object it hands out, by type and namespace. */
function recording(
  reader: CacheReader,
  record: (need: Need) => void,
): CacheReader {
  const seen = <K extends CachedResource>(
    resource: K,
    objs: CachedResourceTypes[K][],
  ) => {
    for (const obj of objs) record(needOf(resource, obj));
    return objs;
  };
  return delegating(reader, {
    list: (resource, namespace) =>
      seen(resource, reader.list(resource, namespace)),
    get: (resource, namespace, name) => {
      const obj = reader.get(resource, namespace, name);
      if (obj) seen(resource, [obj]);
      return obj;
    },
    listByKubernetesId: (resource, id) =>
      seen(resource, reader.listByKubernetesId(resource, id)),
    listByOwner: (resource, uid) =>
      seen(resource, reader.listByOwner(resource, uid)),
    eventsFor: (kind, namespace, name) => {
      const events = reader.eventsFor(kind, namespace, name);
      if (events.length) {
        record({ group: '', resource: 'events', namespace });
      }
      return events;
    },
    podUsage: (namespace, name) => {
      const usage = reader.podUsage(namespace, name);
      if (usage) record(podMetricsNeed(namespace));
      return usage;
    },
  });
}

/** The reader with only the allowed types and namespaces, and the viewer's sync status. */
function filtered(
  reader: CacheReader,
  allowed: Set<string>,
  status: (base: SyncStatus) => SyncStatus,
): CacheReader {
  const visible =
    <K extends CachedResource>(resource: K) =>
    (obj: CachedResourceTypes[K]) =>
      allowed.has(needKey(needOf(resource, obj)));
  const podsAllowed = (namespace: string) =>
    allowed.has(needKey({ group: '', resource: 'pods', namespace }));
  return delegating(reader, {
    list: (resource, namespace) =>
      reader.list(resource, namespace).filter(visible(resource)),
    get: (resource, namespace, name) => {
      const obj = reader.get(resource, namespace, name);
      return obj && visible(resource)(obj) ? obj : undefined;
    },
    listByKubernetesId: (resource, id) =>
      reader.listByKubernetesId(resource, id).filter(visible(resource)),
    listByOwner: (resource, uid) =>
      reader.listByOwner(resource, uid).filter(visible(resource)),
    eventsFor: (kind, namespace, name) =>
      allowed.has(needKey({ group: '', resource: 'events', namespace }))
        ? reader.eventsFor(kind, namespace, name)
        : [],
    // CPU and memory: only where the viewer may list both the pods and their metrics.
    podUsage: (namespace, name) =>
      podsAllowed(namespace) && allowed.has(needKey(podMetricsNeed(namespace)))
        ? reader.podUsage(namespace, name)
        : undefined,
    status: now => status(reader.status(now)),
  });
}

/**
 * The reader with some methods replaced. Methods not replaced go to the reader, so a read method
 * added to CacheReader later keeps working.
 */
function delegating(
  reader: CacheReader,
  overrides: Partial<CacheReader>,
): CacheReader {
  // What a gated reader answers depends on the viewer: nothing built from it may be reused for
  // another one, so it has no changeCount whatever the reader it wraps has.
  const gated: Partial<CacheReader> = { ...overrides, changeCount: undefined };
  return new Proxy(reader, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in gated) {
        return (gated as Record<string, unknown>)[prop];
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const WRITE_VERBS = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
} as const;

/**
 * The SelfSubjectAccessReview attributes of a write, from its method and API path, e.g.
 * `PATCH /apis/apps/v1/namespaces/shop/deployments/web/scale` is `patch deployments/scale.apps`
 * on `web` in `shop`.
 */
export function writeAttributes(request: {
  method: keyof typeof WRITE_VERBS;
  path: string;
}): AccessAttributes {
  const m =
    /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)\/namespaces\/([^/]+)\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(
      request.path.split('?')[0],
    );
  if (!m) throw new Error(`Cannot review a write to ${request.path}`);
  const [, group, namespace, resource, name, subresource] = m;
  return {
    verb: WRITE_VERBS[request.method],
    group: group ?? '',
    resource,
    namespace,
    ...(name && { name }),
    ...(subresource && { subresource }),
  };
}
