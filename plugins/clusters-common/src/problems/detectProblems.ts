import type {
  CoreV1Event,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1Pod,
  V1ReplicaSet,
  V1StatefulSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { detectAutoscalerProblems } from './autoscalers';
import { detectCronJobProblems } from './cronjobs';
import { detectDaemonSetProblems } from './daemonsets';
import {
  detectDeploymentProblems,
  detectReplicaSetProblems,
} from './deployments';
import { detectWarningEventProblems } from './events';
import { detectJobProblems } from './jobs';
import { detectPodProblems } from './pods';
import { detectStatefulSetProblems } from './statefulsets';
import { detectRestartsRising, PodRestartSample } from './restarts';
import { compareProblems, Problem } from './types';

/** The objects of one cluster (or one entity in it) to look for problems in; all optional. */
export interface ObjectsToCheck {
  pods?: V1Pod[];
  deployments?: V1Deployment[];
  replicaSets?: V1ReplicaSet[];
  statefulSets?: V1StatefulSet[];
  daemonSets?: V1DaemonSet[];
  jobs?: V1Job[];
  cronJobs?: V1CronJob[];
  autoscalers?: V2HorizontalPodAutoscaler[];
  events?: CoreV1Event[];
  /** Earlier restart samples by pod uid, for exact RestartsRising counts. */
  restartSamples?: ReadonlyMap<string, PodRestartSample>;
}

/**
 * Runs every detector over a set of objects and returns the problems worst first, then oldest
 * first. CronJobs are matched with their Jobs by owner reference. With a restart sample for a pod,
 * the exact RestartsRising replaces the history-free one.
 */
export function detectProblems(objects: ObjectsToCheck, now: Date): Problem[] {
  const jobs = objects.jobs ?? [];
  const problems = [
    ...(objects.pods ?? []).flatMap(pod => podProblems(pod, objects, now)),
    ...(objects.deployments ?? []).flatMap(detectDeploymentProblems),
    ...(objects.replicaSets ?? []).flatMap(detectReplicaSetProblems),
    ...(objects.statefulSets ?? []).flatMap(detectStatefulSetProblems),
    ...(objects.daemonSets ?? []).flatMap(detectDaemonSetProblems),
    ...jobs.flatMap(detectJobProblems),
    ...(objects.cronJobs ?? []).flatMap(cronJob =>
      detectCronJobProblems(cronJob, jobs),
    ),
    ...(objects.autoscalers ?? []).flatMap(detectAutoscalerProblems),
    ...(objects.events ?? []).flatMap(event =>
      detectWarningEventProblems(event, now),
    ),
  ];
  return problems.sort(compareProblems);
}

/** Problems a crash loop or OOM kill already explains; a restart count would only repeat them. */
const EXPLAINS_RESTARTS = new Set(['CrashLoopBackOff', 'OOMKilled']);

function podProblems(
  pod: V1Pod,
  objects: ObjectsToCheck,
  now: Date,
): Problem[] {
  const problems = detectPodProblems(pod, now);
  const uid = pod.metadata?.uid;
  const sample = uid ? objects.restartSamples?.get(uid) : undefined;
  if (!sample) return problems;
  const explained = new Set(
    problems
      .filter(p => EXPLAINS_RESTARTS.has(p.code))
      .map(p => p.object.container),
  );
  const exact = detectRestartsRising(pod, sample, now).filter(
    p => !explained.has(p.object.container),
  );
  const exactContainers = new Set(exact.map(p => p.object.container));
  return [
    ...problems.filter(
      p =>
        !(
          p.code === 'RestartsRising' && exactContainers.has(p.object.container)
        ),
    ),
    ...exact,
  ];
}
