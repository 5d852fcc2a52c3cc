import { ListWatch } from '@kubernetes/client-node';
import type { ClusterSyncState } from '@kubeplatform/clusters-common';
import { KubernetesConnection } from '../connection/KubernetesConnection';
import { KubernetesRequestError } from '../connection/KubernetesRequestError';
import { jitteredBackoffMs } from './backoff';
import { ConnectionWatch } from './ConnectionWatch';
import { own } from './intern';
import {
  CachedObject,
  CachedResourceDefinition,
  collectionPath,
  resourceLabel,
  WatchedObject,
} from './resources';
import type { ApiObject } from './trim';

/** @public */
export interface WatchTuning {
  requestTimeoutMs: number;
  watchTimeoutSeconds: number;
  /** Page size of list calls. */
  listPageSize: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Retry interval for 401 and 403: rights rarely change, so do not hammer. */
  deniedRetryMs: number;
  /**
   * How often each cluster is probed (GET /version). An open watch on a cluster that stopped
   * answering would otherwise only be noticed by the idle watchdog. 0 disables the probe.
   */
  healthCheckMs: number;
}

/** @alpha */
export interface WatchUnitState {
  resource: string;
  namespace?: string;
  state: ClusterSyncState;
  reason?: string;
  /** Epoch ms of the last moment the data was known current; undefined if never listed. */
  lastSyncedAt?: number;
  hasData: boolean;
}

export interface WatchUnitListener {
  onObject(kind: 'add' | 'update' | 'delete', obj: CachedObject): void;
  onStateChange(): void;
}

/**
 * One list+watch of one resource type, cluster-wide or in one namespace, through client-node's
 * ListWatch. Every failure ends up in `state`, never as a thrown error.
 */
export class WatchUnit {
  private readonly informer: ListWatch<WatchedObject>;
  private readonly watch: ConnectionWatch;
  private current: WatchUnitState;
  private attempt = 0;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  private live = false;
  private relists = 0;

  constructor(
    readonly definition: CachedResourceDefinition,
    readonly namespace: string | undefined,
    private readonly connection: KubernetesConnection,
    private readonly tuning: WatchTuning,
    private readonly listener: WatchUnitListener,
    /** Filters list results, e.g. to bound events; returns what to keep. */
    private readonly filterList?: (items: CachedObject[]) => CachedObject[],
  ) {
    this.current = {
      resource: resourceLabel(definition),
      namespace,
      state: 'syncing',
      hasData: false,
    };
    this.watch = new ConnectionWatch({
      connection,
      trim: definition.trim,
      requestTimeoutMs: tuning.requestTimeoutMs,
      watchTimeoutSeconds: tuning.watchTimeoutSeconds,
      onConnected: () => this.markLive(),
    });
    const path = collectionPath(definition, namespace);
    this.informer = new ListWatch<WatchedObject>(
      path,
      this.watch,
      () => this.listPages(path),
      false,
      undefined,
      definition.fieldSelector,
    );
    this.informer.on('add', obj => listener.onObject('add', stored(obj)));
    this.informer.on('update', obj => listener.onObject('update', stored(obj)));
    this.informer.on('delete', obj => listener.onObject('delete', stored(obj)));
    this.informer.on('error', err => this.onError(err));
  }

  get state(): WatchUnitState {
    return this.live
      ? { ...this.current, lastSyncedAt: Date.now() }
      : this.current;
  }

  /** How many full lists ran; more than one means a relist (e.g. after 410 Gone). */
  get listCount(): number {
    return this.relists;
  }

  start(): void {
    this.stopped = false;
    this.informer.start().catch(err => this.onError(err));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.live = false;
    this.informer.stop().catch(() => {});
  }

  /**
   * The cluster failed a health probe: report it now, with the data kept, and re-open the watch,
   * which either recovers (state ok) or fails with its own reason.
   */
  interrupt(error: KubernetesRequestError): void {
    if (this.stopped || !this.live) return;
    this.live = false;
    this.current = {
      ...this.current,
      state: stateFor(error),
      reason: error.message,
      lastSyncedAt: Date.now(),
    };
    this.listener.onStateChange();
    this.watch.abortCurrent();
  }

  /** The objects kept, optionally of one namespace. */
  list(namespace?: string): CachedObject[] {
    return this.informer.list(namespace).map(stored);
  }

  get(name: string, namespace: string): CachedObject | undefined {
    const found = this.informer.get(name, namespace);
    return found && stored(found);
  }

  evict(obj: CachedObject) {
    this.watch.evict(obj);
  }

  /** A paginated list with the per-cluster timeout, trimmed before ListWatch stores it. */
  private async listPages(path: string) {
    const items: CachedObject[] = [];
    let resourceVersion = '';
    let continueToken: string | undefined;
    do {
      const query = new URLSearchParams({
        limit: String(this.tuning.listPageSize),
      });
      if (this.definition.fieldSelector)
        query.set('fieldSelector', this.definition.fieldSelector);
      if (continueToken) query.set('continue', continueToken);
      const page = await this.connection.getJson<{
        items: ApiObject[];
        metadata?: { resourceVersion?: string; continue?: string };
      }>(`${path}?${query}`, { timeoutMs: this.tuning.requestTimeoutMs });
      for (const item of page.items ?? [])
        items.push(this.definition.trim(item));
      // own(): the version string must not keep the whole page text alive.
      resourceVersion = own(page.metadata?.resourceVersion ?? resourceVersion);
      continueToken = page.metadata?.continue || undefined;
    } while (continueToken);
    this.relists += 1;
    this.attempt = 0;
    this.watch.noteResourceVersion(resourceVersion);
    this.current = {
      ...this.current,
      state: 'ok',
      reason: undefined,
      lastSyncedAt: Date.now(),
      hasData: true,
    };
    this.listener.onStateChange();
    return {
      apiVersion: 'v1',
      kind: 'List',
      items: this.filterList ? this.filterList(items) : items,
      metadata: { resourceVersion },
    };
  }

  private markLive() {
    this.attempt = 0;
    const changed = this.current.state !== 'ok' || !this.live;
    this.live = true;
    this.current = {
      ...this.current,
      state: 'ok',
      reason: undefined,
      lastSyncedAt: Date.now(),
    };
    if (changed) this.listener.onStateChange();
  }

  private onError(err: unknown) {
    const wasLive = this.live;
    this.live = false;
    if (this.stopped) return;
    const error = KubernetesRequestError.fromNetworkError(
      err,
      `${resourceLabel(this.definition)}${
        this.namespace ? ` in ${this.namespace}` : ''
      }`,
    );
    const state = stateFor(error);
    this.current = {
      ...this.current,
      state,
      reason: error.message,
      lastSyncedAt: wasLive ? Date.now() : this.current.lastSyncedAt,
    };
    this.listener.onStateChange();
    this.scheduleRetry(error);
  }

  private scheduleRetry(error: KubernetesRequestError) {
    clearTimeout(this.retryTimer);
    const { backoffBaseMs, backoffMaxMs, deniedRetryMs } = this.tuning;
    let delay: number;
    if (
      error.kind === 'forbidden' ||
      error.kind === 'unauthorized' ||
      error.kind === 'not_found'
    ) {
      delay = deniedRetryMs;
    } else if (error.kind === 'throttled') {
      delay = Math.max(
        (error.retryAfterSeconds ?? 0) * 1000,
        jitteredBackoffMs(this.attempt + 2, backoffBaseMs, backoffMaxMs * 2),
      );
    } else {
      delay = jitteredBackoffMs(this.attempt, backoffBaseMs, backoffMaxMs);
    }
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) this.start();
    }, delay);
    this.retryTimer.unref?.();
  }
}

/**
 * ListWatch holds only what this unit's definition trimmed, but its type parameter must fit
 * client-node's Date-typed metadata; WatchedObject is that fit, and this gives back the type.
 */
function stored(obj: WatchedObject): CachedObject {
  return obj as CachedObject;
}

function stateFor(error: KubernetesRequestError): ClusterSyncState {
  switch (error.kind) {
    case 'unauthorized':
      return 'unauthorized';
    case 'forbidden':
    case 'not_found':
      return 'forbidden';
    case 'timeout':
      return 'timeout';
    case 'unreachable':
      return 'unreachable';
    default:
      // 429 and 5xx: the connection works, the data is only getting old.
      return 'stale';
  }
}
