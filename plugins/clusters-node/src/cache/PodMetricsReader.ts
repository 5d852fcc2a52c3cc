import {
  MetricsStatus,
  PodMetricsObject,
  PodUsage,
  podUsageOf,
} from '@kubeplatform/clusters-common';
import type { KubernetesConnection } from '../connection/KubernetesConnection';
import { KubernetesRequestError } from '../connection/KubernetesRequestError';
import { intern, own, shared } from './intern';

/**
 * One pod's last sample as kept, in one array: its timestamp and window, the container names
 * (one shared array for every pod with the same containers), then cpuMillicores and memoryBytes
 * of each container in the order of the names. A PodUsage is built from it when asked for.
 * Per pod (yarn bench:heap, retained size): objects per pod and per container took some 540
 * bytes; an object with a figures array and an `ns/name` key string some 260; this array, keyed
 * by the cached pod's own name string, less again.
 */
type StoredSample = [
  timestamp: string | undefined,
  /** In whole milliseconds: a small integer is stored in the array itself, a fraction is boxed. */
  windowMs: number | undefined,
  names: readonly string[],
  ...figures: number[],
];
const FIGURES_AT = 3;

/** The API path of pod metrics; `metrics.k8s.io` has no watch, so it is read at an interval. */
export const POD_METRICS_PATH = '/apis/metrics.k8s.io/v1beta1';

export interface PodMetricsReaderOptions {
  /** How often pod metrics are fetched. 0 turns metrics off for the cluster. */
  intervalMs: number;
  requestTimeoutMs: number;
  /** Namespaces to read; cluster-wide when empty or undefined. */
  namespaces?: string[];
  /**
   * The name string the cache already holds for this pod, if it holds the pod: samples are
   * keyed by it instead of a copy. Without it (or for a pod not cached yet) the name is copied.
   */
  cachedPodName?(namespace: string, name: string): string | undefined;
  /** Why this cluster's metrics are not looked up (`skipMetricsLookup`); undefined to look up. */
  skipReason?: string;
  /** The usage or the metrics state changed. */
  onChange(): void;
}

/**
 * One cluster's pod metrics: a GET of `metrics.k8s.io/v1beta1` pods (cluster-wide, or per watched
 * namespace) every `intervalMs`, through the cluster's own connection (same credentials and TLS as
 * the watches). Failures are data: a cluster without metrics-server is `unavailable`, with the
 * reason, and its views carry on without figures.
 */
export class PodMetricsReader {
  /** namespace -> pod name -> sample. */
  private usage = new Map<string, Map<string, StoredSample>>();
  private current: MetricsStatus;
  private timer?: NodeJS.Timeout;
  private fetching?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly connection: KubernetesConnection,
    private readonly options: PodMetricsReaderOptions,
  ) {
    this.current = this.skipReason()
      ? { state: 'skipped', reason: this.skipReason() }
      : { state: 'pending' };
  }

  start(): void {
    if (this.skipReason()) return;
    this.stopped = false;
    this.fetch().catch(() => {});
    this.timer = setInterval(
      () => this.fetch().catch(() => {}),
      this.options.intervalMs,
    );
    this.timer.unref?.();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** The pod's last sample, if the last fetch had one. */
  get(namespace: string, name: string): PodUsage | undefined {
    const stored = this.usage.get(namespace)?.get(name);
    return stored && usageOf(stored);
  }

  status(): MetricsStatus {
    return this.current;
  }

  /** Number of pods with a sample, for diagnostics. */
  size(): number {
    let samples = 0;
    for (const pods of this.usage.values()) samples += pods.size;
    return samples;
  }

  /** Fetches once; a fetch already running is awaited instead of starting another. */
  fetch(): Promise<void> {
    if (this.skipReason()) return Promise.resolve();
    this.fetching ??= this.fetchAll().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private skipReason(): string | undefined {
    if (this.options.skipReason) return this.options.skipReason;
    if (this.options.intervalMs <= 0)
      return 'pod metrics are off (kubeplatform.watchCache.metricsIntervalSeconds is 0)';
    return undefined;
  }

  private async fetchAll(): Promise<void> {
    const scopes = this.options.namespaces?.length
      ? this.options.namespaces
      : [undefined];
    const next = new Map<string, Map<string, StoredSample>>();
    const failures: string[] = [];
    for (const namespace of scopes) {
      try {
        const list = await this.connection.getJson<{
          items?: PodMetricsObject[];
        }>(
          namespace
            ? `${POD_METRICS_PATH}/namespaces/${encodeURIComponent(
                namespace,
              )}/pods`
            : `${POD_METRICS_PATH}/pods`,
          { timeoutMs: this.options.requestTimeoutMs },
        );
        for (const item of list.items ?? []) {
          const ns = item.metadata?.namespace;
          const name = item.metadata?.name;
          if (!ns || !name) continue;
          const namespaceKey = intern(ns);
          let pods = next.get(namespaceKey);
          if (!pods) next.set(namespaceKey, (pods = new Map()));
          const podName = this.options.cachedPodName?.(ns, name) ?? own(name);
          pods.set(podName, storedSampleOf(podUsageOf(item)));
        }
      } catch (error) {
        failures.push(describeFailure(error));
      }
    }
    if (this.stopped) return;
    const answered = failures.length < scopes.length;
    const previous = this.current;
    if (answered) {
      this.usage = next;
      this.current = {
        state: 'ok',
        fetchedAt: new Date().toISOString(),
        ...(failures.length && { reason: failures.join('; ') }),
      };
    } else {
      // Old figures would look current: a failed fetch shows none.
      this.usage = new Map();
      this.current = { state: 'unavailable', reason: failures.join('; ') };
    }
    if (
      answered ||
      previous.state !== this.current.state ||
      previous.reason !== this.current.reason
    )
      this.options.onChange();
  }
}

/** What is kept of a sample; its strings do not point into the parsed response. */
function storedSampleOf(usage: PodUsage): StoredSample {
  const { containers } = usage;
  // Made at its final length: an array grown by push keeps spare room.
  const sample = new Array(FIGURES_AT + 2 * containers.length) as StoredSample;
  sample[0] =
    usage.timestamp === undefined ? undefined : intern(usage.timestamp);
  sample[1] =
    usage.windowSeconds === undefined
      ? undefined
      : Math.round(usage.windowSeconds * 1000);
  sample[2] = shared(containers.map(c => intern(c.name)));
  containers.forEach((c, i) => {
    sample[FIGURES_AT + 2 * i] = c.cpuMillicores;
    sample[FIGURES_AT + 2 * i + 1] = c.memoryBytes;
  });
  return sample;
}

function usageOf(sample: StoredSample): PodUsage {
  const [timestamp, windowMs, names] = sample;
  return {
    ...(timestamp !== undefined && { timestamp }),
    ...(windowMs !== undefined && { windowSeconds: windowMs / 1000 }),
    containers: names.map((name, i) => ({
      name,
      cpuMillicores: sample[FIGURES_AT + 2 * i] as number,
      memoryBytes: sample[FIGURES_AT + 2 * i + 1] as number,
    })),
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof KubernetesRequestError) {
    if (error.kind === 'not_found')
      return 'the cluster serves no metrics.k8s.io API (is metrics-server installed?)';
    if (error.statusCode === 503)
      return `metrics.k8s.io is registered but its server does not answer (${error.message})`;
    return error.message;
  }
  return `reading pod metrics failed: ${(error as Error)?.message ?? error}`;
}
