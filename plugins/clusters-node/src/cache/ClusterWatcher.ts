import type {
  ClusterIdentity,
  CustomResourceType,
  MetricsStatus,
  PodRestartSample,
  PodUsage,
  SyncStatus,
  TrimmedEvent,
  TrimmedPod,
} from '@kubeplatform/clusters-common';
import { KubernetesConnection } from '../connection/KubernetesConnection';
import { aggregateSyncStatus } from './aggregateSyncStatus';
import { CacheIndexes } from './CacheIndexes';
import { customResourceDefinitions } from './customResourceTypes';
import type { ClusterCache } from './CacheReader';
import {
  EventBounds,
  eventsOverBound,
  expiredEvents,
  newestEvents,
} from './eventRetention';
import { HealthProbe } from './HealthProbe';
import { PodMetricsReader } from './PodMetricsReader';
import {
  CACHED_RESOURCES,
  CachedObject,
  CachedResource,
  CachedResourceTypes,
} from './resources';
import { RestartHistory } from './RestartHistory';
import { WatchTuning, WatchUnit, WatchUnitState } from './WatchUnit';
import {
  builtInDefinitions,
  WatchedResourceType,
} from './watchedResourceTypes';

export type { EventBounds } from './eventRetention';

/**
 * How a cluster's pod metrics are read: every `intervalMs` (0: never), unless `skipReason` says
 * why this cluster's are not looked up.
 */
export interface PodMetricsSettings {
  intervalMs: number;
  skipReason?: string;
}

/**
 * What changed in the cache, for live views to decide whether to recompute.
 *
 * @public
 */
export interface CacheChange {
  cluster: string;
  /** Undefined for a sync-state change. */
  resource?: CachedResource;
  namespace?: string;
}

/**
 * Counters for tests and benchmarks; see `@kubeplatform/clusters-node/alpha`.
 *
 * @alpha
 */
export interface CacheDiagnostics {
  /** Per-unit states. */
  unitStates(): WatchUnitState[];
  /** Number of full lists per resource type, to prove relists. */
  listCounts(): Record<string, number>;
  /** Total cached objects per resource type. */
  counts(): Record<string, number>;
  /** Fetches pod metrics now, as the reader does at its interval. */
  refreshMetrics(): Promise<void>;
}

/**
 * The watch cache of one cluster: one WatchUnit per resource type (and per namespace when the
 * cluster is namespace-scoped), wired to the indexes, the restart history, the event retention
 * and the health probe.
 */
export class ClusterWatcher implements ClusterCache, CacheDiagnostics {
  // The name `units` is read by the 410 fault test in multicluster-backend.
  private readonly units = new Map<CachedResource, WatchUnit[]>();
  private readonly indexes = new CacheIndexes([
    ...CACHED_RESOURCES.map(d => d.resource),
    'customresources',
  ]);
  private readonly restarts = new RestartHistory();
  private readonly probe: HealthProbe;
  private readonly metrics: PodMetricsReader;
  private sweepTimer?: NodeJS.Timeout;
  private changes = 0;

  constructor(
    readonly identity: ClusterIdentity,
    readonly connection: KubernetesConnection,
    readonly namespaces: string[] | undefined,
    tuning: WatchTuning,
    private readonly events: EventBounds,
    private readonly notify: (change: CacheChange) => void,
    /** Upstream's `customResources`: every type is one more watch, cached as `customresources`. */
    customResources: readonly CustomResourceType[] = [],
    /** Upstream's `objectTypes` and `apiVersionOverrides`; every built-in type when undefined. */
    watched?: readonly WatchedResourceType[],
    /** Pod metrics (`metrics.k8s.io`); off unless given. */
    metrics: PodMetricsSettings = { intervalMs: 0 },
  ) {
    const scopes = namespaces?.length ? namespaces : [undefined];
    const eventsPerUnit = Math.max(
      10,
      Math.floor(events.maxEvents / scopes.length),
    );
    for (const def of [
      ...builtInDefinitions(watched),
      ...customResourceDefinitions(customResources),
    ]) {
      const isEvents = def.resource === 'events';
      this.units.set(def.resource, [
        // Custom resource types share one key: each adds its units to it.
        ...(this.units.get(def.resource) ?? []),
        ...scopes.map(ns => {
          const unit: WatchUnit = new WatchUnit(
            def,
            ns,
            connection,
            tuning,
            {
              onObject: (change, obj) => {
                this.indexes.update(def.resource, change, obj);
                if (def.resource === 'pods')
                  this.restarts.observe(change, asResource('pods', obj));
                if (isEvents && change !== 'delete')
                  this.evict(
                    unit,
                    eventsOverBound(
                      unit.list(),
                      eventsPerUnit,
                      events.maxEventsPerObject,
                      obj,
                    ),
                  );
                this.emit({
                  cluster: identity.name,
                  resource: def.resource,
                  namespace: obj.metadata?.namespace,
                });
              },
              onStateChange: () => this.emit({ cluster: identity.name }),
            },
            isEvents
              ? items =>
                  newestEvents(
                    items,
                    eventsPerUnit,
                    Date.now() - this.events.maxAgeMs,
                    events.maxEventsPerObject,
                  )
              : undefined,
          );
          return unit;
        }),
      ]);
    }
    this.probe = new HealthProbe(connection, {
      intervalMs: tuning.healthCheckMs,
      requestTimeoutMs: tuning.requestTimeoutMs,
      onDown: error => {
        // Every open watch is re-opened: it recovers or fails with its own reason.
        for (const units of this.units.values())
          units.forEach(u => u.interrupt(error));
      },
    });
    this.metrics = new PodMetricsReader(connection, {
      intervalMs: metrics.intervalMs,
      requestTimeoutMs: tuning.requestTimeoutMs,
      namespaces,
      skipReason: metrics.skipReason,
      cachedPodName: (namespace, name) =>
        this.get('pods', namespace, name)?.metadata?.name,
      onChange: () => this.emit({ cluster: identity.name }),
    });
  }

  start() {
    for (const units of this.units.values()) units.forEach(u => u.start());
    this.sweepTimer = setInterval(() => this.sweepEvents(), 60_000);
    this.sweepTimer.unref?.();
    this.probe.start();
    this.metrics.start();
  }

  stop() {
    clearInterval(this.sweepTimer);
    this.probe.stop();
    this.metrics.stop();
    for (const units of this.units.values()) units.forEach(u => u.stop());
    this.connection.close();
  }

  list<K extends CachedResource>(
    resource: K,
    namespace?: string,
  ): CachedResourceTypes[K][] {
    const out: CachedObject[] = [];
    for (const unit of this.units.get(resource) ?? []) {
      if (namespace && unit.namespace && unit.namespace !== namespace) continue;
      out.push(...unit.list(namespace));
    }
    return ofResource(resource, out);
  }

  get<K extends CachedResource>(
    resource: K,
    namespace: string,
    name: string,
  ): CachedResourceTypes[K] | undefined {
    for (const unit of this.units.get(resource) ?? []) {
      if (unit.namespace && unit.namespace !== namespace) continue;
      const found = unit.get(name, namespace);
      if (found) return asResource(resource, found);
    }
    return undefined;
  }

  listByKubernetesId<K extends CachedResource>(
    resource: K,
    id: string,
  ): CachedResourceTypes[K][] {
    return ofResource(resource, this.indexes.withKubernetesId(resource, id));
  }

  listByOwner<K extends CachedResource>(
    resource: K,
    ownerUid: string,
  ): CachedResourceTypes[K][] {
    return ofResource(resource, this.indexes.ownedBy(resource, ownerUid));
  }

  eventsFor(kind: string, namespace: string, name: string): TrimmedEvent[] {
    return this.indexes.eventsAbout(kind, namespace, name);
  }

  restartBaseline(
    pod: TrimmedPod,
    now = Date.now(),
  ): PodRestartSample | undefined {
    return this.restarts.baseline(pod, now);
  }

  status(now = Date.now()): SyncStatus {
    return aggregateSyncStatus(this.unitStates(), now);
  }

  changeCount(): number {
    return this.changes;
  }

  /** Every change goes through here: it counts for changeCount, then listeners hear of it. */
  protected emit(change: CacheChange): void {
    this.counted();
    this.notify(change);
  }

  /** Counts a change the owner of this watcher tells listeners about itself. */
  protected counted(): void {
    this.changes++;
  }

  podUsage(namespace: string, name: string): PodUsage | undefined {
    return this.metrics.get(namespace, name);
  }

  metricsStatus(): MetricsStatus {
    return this.metrics.status();
  }

  /** Fetches pod metrics now (tests; the interval does it otherwise). */
  refreshMetrics(): Promise<void> {
    return this.metrics.fetch();
  }

  unitStates(): WatchUnitState[] {
    return [...this.units.values()].flat().map(u => u.state);
  }

  listCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [resource, units] of this.units) {
      out[resource] = units.reduce((n, u) => n + u.listCount, 0);
    }
    return out;
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const resource of this.units.keys())
      out[resource] = this.list(resource).length;
    return out;
  }

  private evict(unit: WatchUnit, events: CachedObject[]) {
    for (const e of events) unit.evict(e);
  }

  private sweepEvents() {
    const minTime = Date.now() - this.events.maxAgeMs;
    for (const unit of this.units.get('events') ?? [])
      this.evict(unit, expiredEvents(unit.list(), minTime));
  }
}

/**
 * Objects read from the units or indexes of one resource type are of that type: each unit and
 * index entry holds only what that type's trim function returned.
 */
function ofResource<K extends CachedResource>(
  _resource: K,
  objects: CachedObject[],
): CachedResourceTypes[K][] {
  return objects as CachedResourceTypes[K][];
}

function asResource<K extends CachedResource>(
  _resource: K,
  object: CachedObject,
): CachedResourceTypes[K] {
  return object as CachedResourceTypes[K];
}
