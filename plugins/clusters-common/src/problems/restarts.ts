import type { TrimmedPod } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { namespaceFlag, problemObject } from './objectRef';
import { describeDuration, toIso, toMillis } from './timestamps';
import { Problem } from './types';

/**
 * Restart counts of a pod's containers at one moment, kept by a caller that watches over time.
 *
 * @public
 */
export interface PodRestartSample {
  /** ISO timestamp of when the counts were read. */
  at: string;
  /** The pod's uid; a recreated pod with the same name starts counting from zero again. */
  podUid?: string;
  /** restartCount per container name, init containers included. */
  restartCounts: Record<string, number>;
}

/**
 * Reads the restart counts of every container of a pod, to compare with later.
 *
 * @public
 */
export function samplePodRestarts(
  pod: TrimmedPod<KubernetesTimestamp>,
  now: Date,
): PodRestartSample {
  const restartCounts: Record<string, number> = {};
  for (const status of [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ]) {
    if (status?.name) restartCounts[status.name] = status.restartCount ?? 0;
  }
  return { at: now.toISOString(), podUid: pod.metadata?.uid, restartCounts };
}

/**
 * Restarts of every container of a pod, init containers included.
 *
 * @public
 */
export function totalRestarts(pod: TrimmedPod<KubernetesTimestamp>): number {
  let total = 0;
  for (const status of pod.status?.containerStatuses ?? [])
    total += status.restartCount ?? 0;
  for (const status of pod.status?.initContainerStatuses ?? [])
    total += status.restartCount ?? 0;
  return total;
}

const HOUR_MS = 3_600_000;

/**
 * Container restarts of a pod in the last hour, measured against the sample a watcher took at the
 * start of that hour (or when it first saw the pod restarted). Restarts from before the watcher's
 * history count only when the pod is younger than an hour; without a sample, every restart does.
 *
 * @public
 */
export function restartsInLastHour(
  pod: TrimmedPod<KubernetesTimestamp>,
  baseline: PodRestartSample | undefined,
  now: Date,
): number {
  const total = totalRestarts(pod);
  const created = toMillis(pod.metadata?.creationTimestamp) ?? 0;
  if (created >= now.getTime() - HOUR_MS || !baseline) return total;
  let before = 0;
  for (const count of Object.values(baseline.restartCounts)) before += count;
  return Math.max(0, total - before);
}

/**
 * RestartsRising for each container whose restart count grew since an earlier sample. This is
 * the exact form, for callers that keep history (the watch cache sees every update); detectPodProblems
 * has a history-free form that only knows whether the last restart was within the hour.
 */
export function detectRestartsRising(
  pod: TrimmedPod<KubernetesTimestamp>,
  previous: PodRestartSample,
  now: Date,
): Problem[] {
  if (
    previous.podUid &&
    pod.metadata?.uid &&
    previous.podUid !== pod.metadata.uid
  ) {
    return [];
  }
  const elapsed = now.getTime() - (toMillis(previous.at) ?? now.getTime());
  const current = samplePodRestarts(pod, now).restartCounts;
  const problems: Problem[] = [];
  for (const [container, count] of Object.entries(current)) {
    const before = previous.restartCounts[container];
    if (before === undefined || count <= before) continue;
    const added = count - before;
    problems.push({
      code: 'RestartsRising',
      severity: 'warning',
      message: `Container "${container}" in pod ${
        pod.metadata?.name ?? '(unnamed)'
      } restarted ${added} time${
        added === 1 ? '' : 's'
      } in the last ${describeDuration(elapsed)} (${count} in total).`,
      suggestedFix: `Read why it exited with \`kubectl logs ${namespaceFlag(
        pod.metadata,
      )}${
        pod.metadata?.name ?? '<pod>'
      } -c ${container} --previous\`, and check its liveness probe and memory limit.`,
      object: problemObject('Pod', pod.metadata, container),
      since: toIso(previous.at),
    });
  }
  return problems;
}
