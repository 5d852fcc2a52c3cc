import type { TrimmedPod } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { ContainerContext, containerContexts } from './containerContext';
import { detectWaitingContainer } from './containerWaiting';
import { detectOomKilled, detectRestarts } from './containerTerminations';
import { detectReadinessFailing } from './containerReadiness';
import { detectEvicted, detectUnschedulable } from './podScheduling';
import { Problem } from './types';

export { RECENT_WINDOW_MS } from './containerTerminations';
export { STUCK_STARTING_MS } from './containerWaiting';

/**
 * Everything wrong with one pod: container states (crash loops, image pulls, bad config, OOM kills,
 * restarts, failing readiness) and pod-level states (unschedulable, evicted).
 */
export function detectPodProblems(
  pod: TrimmedPod<KubernetesTimestamp>,
  now: Date,
): Problem[] {
  const problems: Problem[] = [];
  problems.push(...detectEvicted(pod));
  problems.push(...detectUnschedulable(pod));
  for (const context of containerContexts(pod, now)) {
    problems.push(...detectContainerProblems(context));
  }
  return problems;
}

function detectContainerProblems(context: ContainerContext): Problem[] {
  const problems: Problem[] = [];
  const waitingReason = context.status.state?.waiting?.reason;
  const waitingProblem = detectWaitingContainer(context);
  if (waitingProblem) problems.push(waitingProblem);

  const oomKilled = detectOomKilled(context);
  if (oomKilled) problems.push(oomKilled);

  // A crash loop or an OOM kill already explains the restarts and carries the count.
  if (waitingReason !== 'CrashLoopBackOff' && !oomKilled) {
    const restarts = detectRestarts(context);
    if (restarts) problems.push(restarts);
  }

  const readiness = detectReadinessFailing(context);
  if (readiness) problems.push(readiness);
  return problems;
}
