import type { KubernetesObject } from '@kubernetes/client-node';
import {
  ClusterIdentity,
  ClusterSyncState,
  KUBERNETES_ID_LABEL,
  SyncStatus,
} from '@kubeplatform/clusters-common';
import { KubernetesConnection } from '../connection/KubernetesConnection';
import { KubernetesRequestError } from '../connection/KubernetesRequestError';
import { ObjectIndex, objectId } from './ObjectIndex';
import {
  CACHED_RESOURCES,
  CachedResource,
  CachedResourceTypes,
} from './resources';
import { WatchTuning, WatchUnit, WatchUnitState } from './WatchUnit';

export interface EventBounds {
  /** Most Warning events kept per cluster. */
  maxEvents: number;
  /** Older Warning events are dropped. */
  maxAgeMs: number;
}

/** What changed in the cache, for live views to decide whether to recompute. */
export interface CacheChange {
  cluster: string;
  /** Undefined for a sync-state change. */
  resource?: CachedResource;
  namespace?: string;
}

/** Worst first: the cluster-level state is the worst state of its watches. */
const STATE_SEVERITY: ClusterSyncState[] = [
  'unauthorized',
  'unreachable',
  'timeout',
  'forbidden',
  'stale',
  'syncing',
  'ok',
];

/**
 * The watch cache of one cluster: one WatchUnit per resource type (and per namespace when the
 * cluster is namespace-scoped), indexes by kubernetes-id label and by owner, and the sync state.
 */
export class ClusterWatcher {
  private readonly units = new Map<CachedResource, WatchUnit[]>();
  private readonly byKubernetesId = new Map<CachedResource, ObjectIndex>();
  private readonly byOwner = new Map<CachedResource, ObjectIndex>();
  private readonly byInvolvedObject = new ObjectIndex(obj => {
    const io = (obj as any).involvedObject;
    return io?.name ? [`${io.kind}/${io.namespace ?? ''}/${io.name}`] : [];
  });
  private sweepTimer?: NodeJS.Timeout;
  private healthTimer?: NodeJS.Timeout;
  private probing = false;
  /** Per pod uid, restart totals seen over the last hour; see restartsInLastHour(). */
  private readonly restartSamples = new Map<
    string,
    Array<{ at: number; total: number }>
  >();

  constructor(
    readonly identity: ClusterIdentity,
    readonly connection: KubernetesConnection,
    readonly namespaces: string[] | undefined,
    private readonly tuning: WatchTuning,
    private readonly events: EventBounds,
    private readonly emit: (change: CacheChange) => void,
  ) {
    const scopes = namespaces?.length ? namespaces : [undefined];
    const eventsPerUnit = Math.max(
      10,
      Math.floor(events.maxEvents / scopes.length),
    );
    for (const def of CACHED_RESOURCES) {
      this.byKubernetesId.set(
        def.resource,
        new ObjectIndex(obj => {
          const id = obj.metadata?.labels?.[KUBERNETES_ID_LABEL];
          return id ? [id] : [];
        }),
      );
      this.byOwner.set(
        def.resource,
        new ObjectIndex(obj =>
          (obj.metadata?.ownerReferences ?? []).map(r => r.uid),
        ),
      );
      const isEvents = def.resource === 'events';
      this.units.set(
        def.resource,
        scopes.map(ns => {
          const unit: WatchUnit = new WatchUnit(
            def,
            ns,
            connection,
            tuning,
            {
              onObject: (kind, obj) => {
                this.index(def.resource, kind, obj);
                if (def.resource === 'pods') this.sampleRestarts(kind, obj);
                if (isEvents && kind !== 'delete')
                  this.boundEvents(unit, eventsPerUnit);
                this.emit({
                  cluster: identity.name,
                  resource: def.resource,
                  namespace: obj.metadata?.namespace,
                });
              },
              onStateChange: () => this.emit({ cluster: identity.name }),
            },
            isEvents
              ? items => this.filterEvents(items, eventsPerUnit)
              : undefined,
          );
          return unit;
        }),
      );
    }
  }

  start() {
    for (const units of this.units.values()) units.forEach(u => u.start());
    this.sweepTimer = setInterval(() => this.sweepEvents(), 60_000);
    this.sweepTimer.unref?.();
    if (this.tuning.healthCheckMs > 0) {
      this.healthTimer = setInterval(
        () => this.probe(),
        this.tuning.healthCheckMs,
      );
      this.healthTimer.unref?.();
    }
  }

  /** GET /version: when the cluster stopped answering, every open watch is re-opened. */
  private async probe() {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.connection.getJson('/version', {
        timeoutMs: this.tuning.requestTimeoutMs,
      });
    } catch (error) {
      const e = error as KubernetesRequestError;
      if (e.kind === 'timeout' || e.kind === 'unreachable') {
        for (const units of this.units.values())
          units.forEach(u => u.interrupt(e));
      }
    } finally {
      this.probing = false;
    }
  }

  stop() {
    clearInterval(this.sweepTimer);
    clearInterval(this.healthTimer);
    for (const units of this.units.values()) units.forEach(u => u.stop());
    this.connection.close();
  }

  /** All cached objects of a type, optionally in one namespace. */
  list<K extends CachedResource>(
    resource: K,
    namespace?: string,
  ): CachedResourceTypes[K][] {
    const out: CachedResourceTypes[K][] = [];
    for (const unit of this.units.get(resource) ?? []) {
      if (namespace && unit.namespace && unit.namespace !== namespace) continue;
      out.push(...(unit.informer.list(namespace) as CachedResourceTypes[K][]));
    }
    return out;
  }

  get<K extends CachedResource>(
    resource: K,
    namespace: string,
    name: string,
  ): CachedResourceTypes[K] | undefined {
    for (const unit of this.units.get(resource) ?? []) {
      if (unit.namespace && unit.namespace !== namespace) continue;
      const found = unit.informer.get(name, namespace);
      if (found) return found as CachedResourceTypes[K];
    }
    return undefined;
  }

  /** Objects labelled `backstage.io/kubernetes-id=<id>`. */
  listByKubernetesId<K extends CachedResource>(
    resource: K,
    id: string,
  ): CachedResourceTypes[K][] {
    return (this.byKubernetesId.get(resource)?.get(id) ??
      []) as CachedResourceTypes[K][];
  }

  /** Objects whose ownerReferences include this uid. */
  listByOwner<K extends CachedResource>(
    resource: K,
    ownerUid: string,
  ): CachedResourceTypes[K][] {
    return (this.byOwner.get(resource)?.get(ownerUid) ??
      []) as CachedResourceTypes[K][];
  }

  /** Warning events about one object. */
  eventsFor(
    kind: string,
    namespace: string,
    name: string,
  ): CachedResourceTypes['events'][] {
    return this.byInvolvedObject.get(
      `${kind}/${namespace}/${name}`,
    ) as CachedResourceTypes['events'][];
  }

  /**
   * Container restarts of a pod in the last hour, from the restart counts the watch has seen.
   * Restarts from before this process started watching count only when the pod is younger
   * than an hour.
   */
  restartsInLastHour(
    pod: CachedResourceTypes['pods'],
    now = Date.now(),
  ): number {
    const total = totalRestarts(pod);
    const hourAgo = now - 3_600_000;
    const created = pod.metadata?.creationTimestamp
      ? Date.parse(pod.metadata.creationTimestamp as unknown as string)
      : 0;
    if (created >= hourAgo) return total;
    const samples = this.restartSamples.get(pod.metadata?.uid ?? '') ?? [];
    let baseline = samples.length ? samples[0].total : 0;
    for (const sample of samples) {
      if (sample.at <= hourAgo) baseline = sample.total;
    }
    return Math.max(0, total - baseline);
  }

  /** Per-unit states, for diagnostics and tests. */
  unitStates(): WatchUnitState[] {
    return [...this.units.values()].flat().map(u => u.state);
  }

  /** Number of full lists per resource type, to prove relists in tests. */
  listCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [resource, units] of this.units) {
      out[resource] = units.reduce((n, u) => n + u.listCount, 0);
    }
    return out;
  }

  /** Total cached objects per resource type. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const resource of this.units.keys())
      out[resource] = this.list(resource).length;
    return out;
  }

  status(now = Date.now()): SyncStatus {
    const states = this.unitStates();
    const worst =
      STATE_SEVERITY.find(s => states.some(u => u.state === s)) ?? 'syncing';
    const notOk = states.filter(u => u.state !== 'ok');
    const synced = states
      .map(u => u.lastSyncedAt)
      .filter((t): t is number => t !== undefined);
    const oldest =
      synced.length === states.length && synced.length
        ? Math.min(...synced)
        : undefined;
    const uniform =
      notOk.length === states.length && notOk.every(u => u.state === worst);
    const reasons = [
      ...new Set(
        notOk
          .filter(u => u.state === worst)
          .map(u => u.reason)
          .filter(Boolean),
      ),
    ];
    const status: SyncStatus = { state: worst };
    if (worst !== 'ok' && reasons.length) {
      status.reason = uniform
        ? reasons[0]
        : `${reasons[0]}${
            reasons.length > 1 ? ` (and ${reasons.length - 1} more)` : ''
          }`;
    }
    if (oldest !== undefined) {
      status.lastSyncedAt = new Date(oldest).toISOString();
      status.ageSeconds = Math.max(0, Math.round((now - oldest) / 1000));
    }
    if (notOk.length && !uniform) {
      status.partial = notOk.map(u => ({
        resource: u.resource,
        ...(u.namespace && { namespace: u.namespace }),
        state: u.state,
        ...(u.reason && { reason: u.reason }),
      }));
    }
    return status;
  }

  private index(
    resource: CachedResource,
    kind: 'add' | 'update' | 'delete',
    obj: KubernetesObject,
  ) {
    const indexes = [
      this.byKubernetesId.get(resource)!,
      this.byOwner.get(resource)!,
    ];
    if (resource === 'events') indexes.push(this.byInvolvedObject);
    const id = objectId(obj);
    for (const index of indexes) {
      if (kind === 'delete') index.remove(obj, id);
      else index.put(obj, id);
    }
  }

  private sampleRestarts(
    kind: 'add' | 'update' | 'delete',
    pod: KubernetesObject,
  ) {
    const uid = pod.metadata?.uid;
    if (!uid) return;
    if (kind === 'delete') {
      this.restartSamples.delete(uid);
      return;
    }
    const total = totalRestarts(pod as CachedResourceTypes['pods']);
    const samples = this.restartSamples.get(uid);
    if (!samples) {
      // Pods that never restarted need no history: their baseline is zero. A pod first seen
      // with restarts gets its count at first sight as the baseline.
      if (total > 0) {
        const baseline = kind === 'add' ? total : 0;
        this.restartSamples.set(uid, [
          { at: Date.now(), total: baseline },
          ...(baseline !== total ? [{ at: Date.now(), total }] : []),
        ]);
      }
      return;
    }
    if (samples[samples.length - 1].total === total) return;
    samples.push({ at: Date.now(), total });
    const hourAgo = Date.now() - 3_600_000;
    // Keep one sample at or before an hour ago as the baseline, drop anything older.
    while (samples.length > 1 && samples[1].at <= hourAgo) samples.shift();
  }

  private filterEvents(
    items: KubernetesObject[],
    max: number,
  ): KubernetesObject[] {
    const minTime = Date.now() - this.events.maxAgeMs;
    return items
      .filter(e => eventTime(e) >= minTime)
      .sort((a, b) => eventTime(b) - eventTime(a))
      .slice(0, max);
  }

  private boundEvents(unit: WatchUnit, max: number) {
    const all = unit.informer.list();
    if (all.length <= max) return;
    const sorted = [...all].sort((a, b) => eventTime(a) - eventTime(b));
    for (const e of sorted.slice(0, all.length - max)) unit.evict(e);
  }

  private sweepEvents() {
    const minTime = Date.now() - this.events.maxAgeMs;
    for (const unit of this.units.get('events') ?? []) {
      for (const e of unit.informer.list()) {
        if (eventTime(e) < minTime) unit.evict(e);
      }
    }
  }
}

function totalRestarts(pod: CachedResourceTypes['pods']): number {
  let total = 0;
  for (const s of pod.status?.containerStatuses ?? [])
    total += s.restartCount ?? 0;
  for (const s of pod.status?.initContainerStatuses ?? [])
    total += s.restartCount ?? 0;
  return total;
}

function eventTime(e: any): number {
  const t =
    e.lastTimestamp ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
  return t ? Date.parse(t) : 0;
}
