import type { TrimmedEvent } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { replicaFailureProblem } from './replicaFailure';
import { toIso, toMillis } from './timestamps';
import { Problem } from './types';

/**
 * Controllers whose pod (or Job) creation failures are only visible as FailedCreate events.
 * ReplicaSets are left out: their failures reach a ReplicaFailure condition, which
 * detectDeploymentProblems and detectReplicaSetProblems read.
 */
const KINDS_WITHOUT_FAILURE_CONDITION = new Set([
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
]);

/**
 * A FailedCreate event is current while the controller keeps retrying; once creation works the
 * event stops being repeated. A window of 15 minutes spans the controllers' longest retry back-off.
 */
export const FAILED_CREATE_EVENT_WINDOW_MS = 15 * 60 * 1000;

/**
 * A trimmed event, or one as Kubernetes sends it: events.k8s.io's `series` and `eventTime`, which
 * trimming folds into `count` and the timestamps, are read when present.
 *
 * @public
 */
export type WarningEvent = TrimmedEvent<KubernetesTimestamp> & {
  series?: { count?: number; lastObservedTime?: KubernetesTimestamp };
  eventTime?: KubernetesTimestamp;
};

function lastSeen(event: WarningEvent): number | undefined {
  return (
    toMillis(event.series?.lastObservedTime) ??
    toMillis(event.lastTimestamp) ??
    toMillis(event.eventTime) ??
    toMillis(event.metadata?.creationTimestamp)
  );
}

/**
 * ReplicaFailure or QuotaExceeded for a StatefulSet, DaemonSet, Job or CronJob whose controller
 * reported, within the last 15 minutes, a Warning FailedCreate event. The problem concerns the
 * event's involved object, not the event.
 */
export function detectWarningEventProblems(
  event: WarningEvent,
  now: Date,
): Problem[] {
  const involved = event.involvedObject;
  if (
    event.type !== 'Warning' ||
    event.reason !== 'FailedCreate' ||
    !involved?.kind ||
    !KINDS_WITHOUT_FAILURE_CONDITION.has(involved.kind)
  ) {
    return [];
  }
  const seen = lastSeen(event);
  if (
    seen === undefined ||
    now.getTime() - seen > FAILED_CREATE_EVENT_WINDOW_MS
  ) {
    return [];
  }
  const count = event.series?.count ?? event.count ?? 1;
  const problem = replicaFailureProblem(
    involved.kind,
    { name: involved.name, namespace: involved.namespace },
    event.reason,
    event.message,
    toIso(event.firstTimestamp) ?? toIso(event.eventTime),
  );
  if (count > 1) {
    problem.message = `${problem.message} Seen ${count} times.`;
  }
  return [problem];
}
