import { Config } from '@backstage/config';
import type {
  CacheReader,
  CachedObject,
  CachedResource,
  CachedResourceTypes,
} from '@kubeplatform/clusters-node';
import { withSafeDashboardUrl } from './safeDashboardUrl';

/** A namespace name such as `shop`, or a prefix pattern such as `team-*`. */
const PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$|^[a-z0-9][-a-z0-9]*\*$/;

/**
 * The admin's bound on what entities may match: per cluster, the namespaces whose objects an
 * entity's annotations can select (kubeplatform.multicluster.entityScope). Objects outside it are
 * invisible to entity views, workload details and the logs route, whatever the annotations say.
 * Without configuration every watched namespace is in scope. See docs/security.md#entity-scope.
 */
export class EntityScope {
  private constructor(
    private readonly byCluster: Map<string, string[]>,
    private readonly fallback: string[] | undefined,
  ) {}

  static unbounded(): EntityScope {
    return new EntityScope(new Map(), undefined);
  }

  static fromConfig(config: Config | undefined): EntityScope {
    const c = config?.getOptionalConfig(
      'kubeplatform.multicluster.entityScope',
    );
    if (!c) return EntityScope.unbounded();
    const read = (key: string, at: Config) => {
      const patterns = at.getStringArray(key);
      const bad = patterns.filter(p => !PATTERN.test(p) || p.length > 64);
      if (bad.length) {
        throw new Error(
          `kubeplatform.multicluster.entityScope: ${bad
            .map(b => JSON.stringify(b))
            .join(
              ', ',
            )} is not a namespace name or a prefix pattern such as 'team-*'`,
        );
      }
      return patterns;
    };
    const fallback = c.has('namespaces') ? read('namespaces', c) : undefined;
    const byCluster = new Map<string, string[]>();
    for (const entry of c.getOptionalConfigArray('clusters') ?? []) {
      const name = entry.getString('cluster');
      if (byCluster.has(name)) {
        throw new Error(
          `kubeplatform.multicluster.entityScope: cluster '${name}' is listed twice`,
        );
      }
      byCluster.set(name, read('namespaces', entry));
    }
    return new EntityScope(byCluster, fallback);
  }

  /** Whether entities may match objects in this namespace of this cluster. */
  allows(cluster: string, namespace: string): boolean {
    const patterns = this.byCluster.get(cluster) ?? this.fallback;
    if (!patterns) return true;
    return patterns.some(p =>
      p.endsWith('*') ? namespace.startsWith(p.slice(0, -1)) : p === namespace,
    );
  }

  /**
   * The reader entity views use: the cluster's cache without the objects outside the scope,
   * and with a dashboard link only when it is http(s).
   */
  scope(reader: CacheReader): CacheReader {
    const cluster = reader.identity.name;
    const inScope = (obj: CachedObject) =>
      this.allows(cluster, obj.metadata?.namespace ?? '');
    const identity = withSafeDashboardUrl(reader.identity);
    return {
      identity,
      list<K extends CachedResource>(
        resource: K,
        namespace?: string,
      ): CachedResourceTypes[K][] {
        return reader.list(resource, namespace).filter(inScope);
      },
      get<K extends CachedResource>(
        resource: K,
        namespace: string,
        name: string,
      ): CachedResourceTypes[K] | undefined {
        const obj = reader.get(resource, namespace, name);
        return obj && inScope(obj) ? obj : undefined;
      },
      listByKubernetesId<K extends CachedResource>(
        resource: K,
        id: string,
      ): CachedResourceTypes[K][] {
        return reader.listByKubernetesId(resource, id).filter(inScope);
      },
      listByOwner<K extends CachedResource>(
        resource: K,
        ownerUid: string,
      ): CachedResourceTypes[K][] {
        return reader.listByOwner(resource, ownerUid).filter(inScope);
      },
      eventsFor: (kind, namespace, name) =>
        this.allows(cluster, namespace)
          ? reader.eventsFor(kind, namespace, name)
          : [],
      status: now => reader.status(now),
      restartBaseline: (pod, now) => reader.restartBaseline(pod, now),
      podUsage: (namespace, name) =>
        this.allows(cluster, namespace)
          ? reader.podUsage(namespace, name)
          : undefined,
      metricsStatus: () => reader.metricsStatus(),
      // The scope is fixed config: what the cluster answers through it changes when the cluster does.
      ...(reader.changeCount && {
        changeCount: () => reader.changeCount!(),
      }),
    };
  }
}
