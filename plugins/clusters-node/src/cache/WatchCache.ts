import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { KubernetesConnection } from '../connection/KubernetesConnection';
import { ClusterSyncState, SyncStatus } from '@kubeplatform/clusters-common';
import { ClusterDetails, ClusterSourceError, ClustersService } from '../types';
import { CacheChange, ClusterWatcher, EventBounds } from './ClusterWatcher';
import type { ClusterCache } from './CacheReader';
import { readCustomResourceTypes } from './customResourceTypes';
import type { CachedResource } from './resources';
import { readWatchedResourceTypes } from './watchedResourceTypes';
import { WatchTuning } from './WatchUnit';
import type { CustomResourceType } from '@kubeplatform/clusters-common';

/** @public */
export interface WatchCacheOptions {
  tuning: WatchTuning;
  events: EventBounds;
  /** How often the cluster list is re-read, to pick up catalog clusters. */
  clusterRefreshMs: number;
  /** Per-cluster request timeout overrides, by cluster name. */
  timeoutsMs: Map<string, number>;
  /** `kubernetes.customResources`: watched in every cluster that does not list its own. */
  customResources?: CustomResourceType[];
  /**
   * `kubernetes.objectTypes` and `kubernetes.apiVersionOverrides`: the built-in types watched and
   * their API paths (`/apis/<group>/<version>`); every type at its default when undefined.
   */
  watchedResources?: ReadonlyArray<{
    resource: CachedResource;
    apiPrefix: string;
  }>;
  /**
   * How often pod metrics (`metrics.k8s.io`) are fetched per cluster; 0 turns them off. Default
   * 30 s. Clusters with `skipMetricsLookup` are never asked.
   */
  metricsIntervalMs?: number;
}

/** Default of `kubeplatform.watchCache.metricsIntervalSeconds`. */
const DEFAULT_METRICS_INTERVAL_SECONDS = 30;

/** @public */
export function readWatchCacheOptions(config: Config): WatchCacheOptions {
  const c = config.getOptionalConfig('kubeplatform.watchCache');
  const timeoutsMs = new Map<string, number>();
  for (const cluster of config.getOptionalConfigArray(
    'kubeplatform.clusters',
  ) ?? []) {
    const seconds = cluster.getOptionalNumber('requestTimeoutSeconds');
    if (seconds) timeoutsMs.set(cluster.getString('name'), seconds * 1000);
  }
  return {
    tuning: {
      requestTimeoutMs:
        (c?.getOptionalNumber('requestTimeoutSeconds') ?? 10) * 1000,
      watchTimeoutSeconds: c?.getOptionalNumber('watchTimeoutSeconds') ?? 300,
      listPageSize: c?.getOptionalNumber('listPageSize') ?? 500,
      backoffBaseMs: (c?.getOptionalNumber('backoffBaseSeconds') ?? 1) * 1000,
      backoffMaxMs: (c?.getOptionalNumber('backoffMaxSeconds') ?? 30) * 1000,
      deniedRetryMs: (c?.getOptionalNumber('deniedRetrySeconds') ?? 300) * 1000,
      healthCheckMs: (c?.getOptionalNumber('healthCheckSeconds') ?? 30) * 1000,
    },
    events: {
      maxEvents: c?.getOptionalNumber('maxWarningEvents') ?? 1000,
      maxAgeMs:
        (c?.getOptionalNumber('maxWarningEventAgeMinutes') ?? 60) * 60_000,
      maxEventsPerObject: c?.getOptionalNumber('maxEventsPerObject') ?? 20,
    },
    clusterRefreshMs:
      (c?.getOptionalNumber('clusterRefreshSeconds') ?? 60) * 1000,
    timeoutsMs,
    customResources: readCustomResourceTypes(
      config.getOptionalConfigArray('kubernetes.customResources'),
      'kubernetes.customResources',
    ),
    watchedResources: readWatchedResourceTypes(config).watched,
    metricsIntervalMs:
      (c?.getOptionalNumber('metricsIntervalSeconds') ??
        DEFAULT_METRICS_INTERVAL_SECONDS) * 1000,
  };
}

/** Severity order of ClusterWatcher's aggregate state; a source failure ranks as `stale`. */
const WORSE_THAN_STALE: ClusterSyncState[] = [
  'unauthorized',
  'unreachable',
  'timeout',
  'forbidden',
];

/**
 * A cluster watcher that also knows whether the source that defines its cluster is failing. Its
 * status is then `stale` (unless the cluster itself is in a worse state), with the data kept.
 */
class SourcedClusterWatcher extends ClusterWatcher {
  private sourceFailure?: string;

  /** Records why the cluster's source is failing, or that it answers. True when that changed. */
  markSource(failure: string | undefined): boolean {
    if (failure === this.sourceFailure) return false;
    this.sourceFailure = failure;
    this.counted();
    return true;
  }

  status(now = Date.now()): SyncStatus {
    const status = super.status(now);
    if (!this.sourceFailure || WORSE_THAN_STALE.includes(status.state)) {
      return status;
    }
    return { ...status, state: 'stale', reason: this.sourceFailure };
  }
}

/**
 * The watch cache of every cluster, one per backend process. Reading it costs no API call.
 * Watches start on first use (`start()`), so plugins that only need the registry pay nothing.
 *
 * @public
 */
export class WatchCache {
  private readonly watchers = new Map<
    string,
    { watcher: SourcedClusterWatcher; fingerprint: string }
  >();
  private readonly listeners = new Set<(change: CacheChange) => void>();
  private started?: Promise<void>;
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    private readonly clusters: ClustersService,
    private readonly options: WatchCacheOptions,
    private readonly logger: LoggerService,
  ) {}

  /** Starts watching every cluster; resolves once the cluster list is read (not synced). */
  start(): Promise<void> {
    if (!this.started) {
      this.started = this.refreshClusters();
      this.refreshTimer = setInterval(() => {
        this.refreshClusters().catch(error =>
          this.logger.warn(
            `Refreshing the cluster list failed: ${error.message}`,
          ),
        );
      }, this.options.clusterRefreshMs);
      this.refreshTimer.unref?.();
    }
    return this.started;
  }

  /** Whether `start()` was called since the cache was made or last stopped. */
  isStarted(): boolean {
    return this.started !== undefined;
  }

  stop() {
    clearInterval(this.refreshTimer);
    for (const { watcher } of this.watchers.values()) watcher.stop();
    this.watchers.clear();
    this.started = undefined;
  }

  /** Watchers of every known cluster, in the order clusters are defined. */
  list(): ClusterCache[] {
    return [...this.watchers.values()].map(w => w.watcher);
  }

  get(cluster: string): ClusterCache | undefined {
    return this.watchers.get(cluster)?.watcher;
  }

  /** Calls back on every object change and sync-state change. Returns the unsubscribe. */
  subscribe(listener: (change: CacheChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves once every cluster has finished its first sync attempt or `timeoutMs` passed. */
  async waitForSync(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (
        [...this.watchers.values()].every(({ watcher }) =>
          watcher.unitStates().every(u => u.state !== 'syncing'),
        )
      )
        return;
      await new Promise(r => setTimeout(r, 50));
    }
  }

  /**
   * Starts watching new clusters and stops watching removed ones. A cluster whose source failed
   * is served from that source's last answer: its watcher and data are kept, marked stale, until
   * the source answers again.
   */
  private async refreshClusters() {
    const { clusters, errors } = await this.clusters.gatherClusters();
    const staleBecause = staleReasons(errors);
    const seen = new Set<string>();
    for (const cluster of clusters) {
      seen.add(cluster.name);
      const fingerprint = fingerprintOf(cluster);
      const existing = this.watchers.get(cluster.name);
      if (existing?.fingerprint === fingerprint) {
        if (existing.watcher.markSource(staleBecause.get(cluster.name)))
          this.notify({ cluster: cluster.name });
        continue;
      }
      existing?.watcher.stop();
      const watcher = this.createWatcher(cluster);
      watcher.markSource(staleBecause.get(cluster.name));
      this.watchers.set(cluster.name, { watcher, fingerprint });
      watcher.start();
    }
    for (const [name, { watcher }] of this.watchers) {
      if (!seen.has(name)) {
        watcher.stop();
        this.watchers.delete(name);
        this.notify({ cluster: name });
      }
    }
  }

  private createWatcher(cluster: ClusterDetails): SourcedClusterWatcher {
    const connection = new KubernetesConnection(cluster.name, () =>
      this.clusters.getKubeConfig(cluster.name),
    );
    const timeout = this.options.timeoutsMs.get(cluster.name);
    return new SourcedClusterWatcher(
      {
        name: cluster.name,
        title: cluster.title,
        region: cluster.region,
        environment: cluster.environment,
        dashboardUrl: cluster.dashboardUrl,
        dashboardApp: cluster.dashboardApp,
        dashboardParameters: cluster.dashboardParameters,
        ...(cluster.authMode && { authMode: cluster.authMode }),
        ...(cluster.authProvider && { authProvider: cluster.authProvider }),
        ...(cluster.oidcTokenProvider && {
          oidcTokenProvider: cluster.oidcTokenProvider,
        }),
      },
      connection,
      cluster.namespaces,
      timeout
        ? { ...this.options.tuning, requestTimeoutMs: timeout }
        : this.options.tuning,
      this.options.events,
      change => this.notify(change),
      // As upstream: a cluster's own list replaces the global one.
      cluster.customResources ?? this.options.customResources,
      this.options.watchedResources,
      {
        intervalMs:
          this.options.metricsIntervalMs ??
          DEFAULT_METRICS_INTERVAL_SECONDS * 1000,
        ...(cluster.skipMetricsLookup && {
          skipReason: `skipMetricsLookup is set for cluster '${cluster.name}'`,
        }),
      },
    );
  }

  private notify(change: CacheChange) {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.warn(
          `A watch cache listener failed: ${(error as Error).message}`,
        );
      }
    }
  }
}

/** For each cluster kept from a failing source's last answer, a reason safe to show. */
function staleReasons(errors: ClusterSourceError[]): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const error of errors) {
    for (const name of error.staleClusters) {
      reasons.set(
        name,
        `cluster source '${error.source}' is failing (${error.message}); its last definition of this cluster is kept`,
      );
    }
  }
  return reasons;
}

/** A changed URL, namespace list or identity restarts the cluster's watches. */
function fingerprintOf(c: ClusterDetails): string {
  return JSON.stringify([
    c.url,
    c.namespaces,
    c.title,
    c.region,
    c.environment,
    c.dashboardUrl,
    c.dashboardApp,
    c.dashboardParameters,
    c.customResources,
    c.authMode,
    c.authProvider,
    c.oidcTokenProvider,
    c.skipMetricsLookup,
  ]);
}
