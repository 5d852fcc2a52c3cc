import {
  Problem,
  ProblemCode,
  compareProblems,
} from '@kubeplatform/clusters-common';

/**
 * Codes that report a consequence (replicas not available, a rollout stalled) rather than its
 * cause. When a pod crash-loops, the Deployment is also short of replicas; the crash is what
 * the developer must fix, so it is shown first.
 */
const SYMPTOMS: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'UnavailableReplicas',
  'StatefulSetNotReady',
  'DaemonSetNotReady',
  'ProgressDeadlineExceeded',
  // A Service loses its endpoints because its pods are not ready.
  'ServiceNoReadyEndpoints',
]);

const severityRank = { error: 0, warning: 1, info: 2 } as const;

/** Worst first; within a severity, causes before symptoms; then oldest first. */
export function compareProblemsCauseFirst(a: Problem, b: Problem): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    Number(SYMPTOMS.has(a.code)) - Number(SYMPTOMS.has(b.code)) ||
    compareProblems(a, b)
  );
}
