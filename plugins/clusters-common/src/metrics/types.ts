/**
 * What `metrics.k8s.io` says one container uses, as numbers.
 *
 * @public
 */
export interface ContainerUsage {
  name: string;
  cpuMillicores: number;
  memoryBytes: number;
}

/**
 * One pod's usage from its `PodMetrics` (`metrics.k8s.io/v1beta1`), as the watch cache keeps it.
 *
 * @public
 */
export interface PodUsage {
  /** When metrics-server took the sample (ISO 8601). */
  timestamp?: string;
  /** The sampling window in seconds. */
  windowSeconds?: number;
  containers: ContainerUsage[];
}

/**
 * Whether a cluster's pod metrics are available:
 * - ok: the last fetch answered; pods without a sample have no metrics yet;
 * - pending: the first fetch has not answered yet;
 * - unavailable: the cluster serves no `metrics.k8s.io` (no metrics-server), or the fetch failed;
 *   `reason` says why;
 * - skipped: the cluster is configured with `skipMetricsLookup` (or the
 *   `kubernetes.io/skip-metrics-lookup` annotation), or metrics are off
 *   (`kubeplatform.watchCache.metricsIntervalSeconds: 0`).
 *
 * @public
 */
export type MetricsState = 'ok' | 'pending' | 'unavailable' | 'skipped';

/** @public */
export interface MetricsStatus {
  state: MetricsState;
  /** Why metrics are unavailable or skipped; safe to show (no credentials). */
  reason?: string;
  /** ISO timestamp of the last fetch that answered. */
  fetchedAt?: string;
}

/**
 * Requests and limits of a container, a pod (summed over its containers) or a workload (summed
 * over its pods), as numbers. A pod's or workload's limit is given only when every container
 * sets one: otherwise it is unbounded.
 *
 * @public
 */
export interface ResourceRequirementsSummary {
  cpuRequestMillicores?: number;
  cpuLimitMillicores?: number;
  memoryRequestBytes?: number;
  memoryLimitBytes?: number;
}

/**
 * A workload's usage: the sum over its pods that have metrics, with the requests and limits of
 * those same pods, so the ratios compare like with like.
 *
 * @public
 */
export interface WorkloadUsage extends ResourceRequirementsSummary {
  cpuMillicores: number;
  memoryBytes: number;
  /** Pods with a metrics sample, of `pods` running or pending. */
  podsWithMetrics: number;
  pods: number;
}
