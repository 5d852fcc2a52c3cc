/**
 * How bad a detected problem is. `error` means users are affected or soon will be.
 *
 * @public
 */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/**
 * Every problem code a detector can emit.
 *
 * @public
 */
export type ProblemCode =
  | 'CrashLoopBackOff'
  | 'ImagePullBackOff'
  | 'ErrImagePull'
  | 'InvalidImageName'
  | 'CreateContainerConfigError'
  | 'ContainerWaiting'
  | 'OOMKilled'
  | 'ReadinessProbeFailing'
  | 'Unschedulable'
  | 'Evicted'
  | 'RestartsRising'
  | 'ContainerRestarts'
  | 'ProgressDeadlineExceeded'
  | 'ReplicaFailure'
  | 'QuotaExceeded'
  | 'UnavailableReplicas'
  | 'StatefulSetNotReady'
  | 'DaemonSetNotReady'
  | 'WorkloadConditionFalse'
  | 'JobFailed'
  | 'CronJobLastRunFailed'
  | 'HpaAtMaxReplicas'
  | 'HpaNearMaxReplicas'
  | 'HpaMetricsUnavailable'
  | 'HpaUnableToScale'
  | 'ServiceNoReadyEndpoints'
  | 'ServiceSelectsNoPods'
  | 'QuotaAtLimit'
  | 'MemoryNearLimit'
  | 'CustomResourceFailed';

/**
 * The Kubernetes object a problem concerns.
 *
 * @public
 */
export interface ProblemObject {
  kind: string;
  namespace?: string;
  name: string;
  /** The container inside a pod, when the problem is about one container. */
  container?: string;
}

/**
 * A problem found by a detector: what is wrong, how bad, and what to do about it.
 *
 * @public
 */
export interface Problem {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  suggestedFix: string;
  object: ProblemObject;
  /** ISO timestamp of when the problem started, when Kubernetes tells us. */
  since?: string;
  /** The cluster the object lives in; set by the aggregator, not the detectors. */
  cluster?: string;
}

const severityRank: Record<ProblemSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/**
 * Problems about what surrounds the service (its custom resources: certificates, rollouts,
 * claims) come after those of its own workloads and pods at the same severity: during an
 * incident the crashing pods are the first thing to see, whatever the age of a failing resource.
 */
const surroundingCodes: ReadonlySet<ProblemCode> = new Set([
  'CustomResourceFailed',
]);

function scopeRank(problem: Problem): number {
  return surroundingCodes.has(problem.code) ? 1 : 0;
}

/**
 * Orders problems worst first; at the same severity the service's own workloads and pods before
 * its custom resources; then oldest first.
 *
 * @public
 */
export function compareProblems(a: Problem, b: Problem): number {
  const bySeverity = severityRank[a.severity] - severityRank[b.severity];
  if (bySeverity !== 0) return bySeverity;
  const byScope = scopeRank(a) - scopeRank(b);
  if (byScope !== 0) return byScope;
  return (a.since ?? '').localeCompare(b.since ?? '');
}
