import type {
  ClusterIdentity,
  MetricsStatus,
  PodRestartSample,
  PodUsage,
  SyncStatus,
  TrimmedEvent,
  TrimmedPod,
} from '@kubeplatform/clusters-common';
import type { KubernetesConnection } from '../connection/KubernetesConnection';
import type { CachedResource, CachedResourceTypes } from './resources';

/**
 * What a view reads from one cluster's watch cache. Reading costs no API call.
 *
 * @public
 */
export interface CacheReader {
  readonly identity: ClusterIdentity;

  /** All cached objects of a type, optionally in one namespace. */
  list<K extends CachedResource>(
    resource: K,
    namespace?: string,
  ): CachedResourceTypes[K][];

  get<K extends CachedResource>(
    resource: K,
    namespace: string,
    name: string,
  ): CachedResourceTypes[K] | undefined;

  /** Objects labelled `backstage.io/kubernetes-id=<id>`. */
  listByKubernetesId<K extends CachedResource>(
    resource: K,
    id: string,
  ): CachedResourceTypes[K][];

  /** Objects whose ownerReferences include this uid. */
  listByOwner<K extends CachedResource>(
    resource: K,
    ownerUid: string,
  ): CachedResourceTypes[K][];

  /** Events (Normal and Warning) about one object, as many as the event bounds keep. */
  eventsFor(kind: string, namespace: string, name: string): TrimmedEvent[];

  /** How fresh the cluster's data is. */
  status(now?: number): SyncStatus;

  /**
   * The pod's restart counts at the start of the last hour (or when the watch first saw it
   * restarted); undefined for a pod never seen restarted. Feeds `detectProblems` and
   * `restartsInLastHour` from `@kubeplatform/clusters-common`.
   */
  restartBaseline(pod: TrimmedPod, now?: number): PodRestartSample | undefined;

  /**
   * The pod's CPU and memory from the last `metrics.k8s.io` fetch (made every
   * `kubeplatform.watchCache.metricsIntervalSeconds`); undefined when it had no sample.
   */
  podUsage(namespace: string, name: string): PodUsage | undefined;

  /** Whether the cluster's pod metrics are available, pending, unavailable or skipped. */
  metricsStatus(): MetricsStatus;

  /**
   * A number that grows with every change to what this reader answers (an object, the sync
   * state, the pod metrics), so that what was built from it can be reused until it changes.
   * Readers that cannot tell leave it out: nothing built from them is reused. A reader whose
   * answers depend on who asks (a viewer's own access) must leave it out too.
   */
  changeCount?(): number;
}

/**
 * One cluster's cache as the WatchCache hands it out: the reader, and the connection it watches
 * through, for requests the cache cannot answer (such as pod logs).
 *
 * @public
 */
export interface ClusterCache extends CacheReader {
  readonly connection: KubernetesConnection;
}
