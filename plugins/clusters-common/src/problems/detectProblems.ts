import type {
  TrimmedCronJob,
  TrimmedDaemonSet,
  TrimmedDeployment,
  TrimmedHpa,
  TrimmedJob,
  TrimmedPod,
  TrimmedReplicaSet,
  TrimmedResourceQuota,
  TrimmedService,
  TrimmedStatefulSet,
} from '../trimmed';
import type { TrimmedCustomResource } from '../customResources/types';
import type { PodUsage } from '../metrics/types';
import type { KubernetesTimestamp } from './timestamps';
import { detectAutoscalerProblems } from './autoscalers';
import { detectCronJobProblems } from './cronjobs';
import { detectCustomResourceProblems } from './customResources';
import { detectDaemonSetProblems } from './daemonsets';
import {
  detectDeploymentProblems,
  detectReplicaSetProblems,
} from './deployments';
import { detectWarningEventProblems, WarningEvent } from './events';
import { detectJobProblems } from './jobs';
import { detectMemoryNearLimit } from './memoryNearLimit';
import { detectPodProblems } from './pods';
import { detectResourceQuotaProblems } from './resourceQuotas';
import { detectServiceProblems } from './services';
import { detectStatefulSetProblems } from './statefulsets';
import { detectRestartsRising, PodRestartSample } from './restarts';
import { compareProblems, Problem } from './types';

/**
 * The objects of one cluster (or one entity in it) to look for problems in; all optional.
 *
 * @public
 */
export interface ObjectsToCheck {
  pods?: TrimmedPod<KubernetesTimestamp>[];
  deployments?: TrimmedDeployment<KubernetesTimestamp>[];
  replicaSets?: TrimmedReplicaSet<KubernetesTimestamp>[];
  statefulSets?: TrimmedStatefulSet<KubernetesTimestamp>[];
  daemonSets?: TrimmedDaemonSet<KubernetesTimestamp>[];
  jobs?: TrimmedJob<KubernetesTimestamp>[];
  cronJobs?: TrimmedCronJob<KubernetesTimestamp>[];
  autoscalers?: TrimmedHpa<KubernetesTimestamp>[];
  events?: WarningEvent[];
  services?: TrimmedService<KubernetesTimestamp>[];
  /** The pods Service selectors are matched against (all pods of their namespaces); default pods. */
  endpointPods?: TrimmedPod<KubernetesTimestamp>[];
  resourceQuotas?: TrimmedResourceQuota<KubernetesTimestamp>[];
  /** Custom resources; a Failed health (kstatus or a per-kind rule) is a problem. */
  customResources?: TrimmedCustomResource<KubernetesTimestamp>[];
  /** Earlier restart samples by pod uid, for exact RestartsRising counts. */
  restartSamples?: ReadonlyMap<string, PodRestartSample>;
  /** Usage from `metrics.k8s.io` by pod uid, for MemoryNearLimit. */
  podUsage?: ReadonlyMap<string, PodUsage>;
}

/**
 * Runs every detector over a set of objects and returns the problems worst first, then oldest
 * first. CronJobs are matched with their Jobs by owner reference. With a restart sample for a pod,
 * the exact RestartsRising replaces the history-free one.
 *
 * @public
 */
export function detectProblems(objects: ObjectsToCheck, now: Date): Problem[] {
  const jobs = objects.jobs ?? [];
  // Workloads, then autoscalers, pods and events: ties in the sort keep this order.
  const problems = [
    ...(objects.deployments ?? []).flatMap(detectDeploymentProblems),
    ...(objects.replicaSets ?? []).flatMap(detectReplicaSetProblems),
    ...(objects.statefulSets ?? []).flatMap(detectStatefulSetProblems),
    ...(objects.daemonSets ?? []).flatMap(detectDaemonSetProblems),
    ...jobs.flatMap(detectJobProblems),
    ...(objects.cronJobs ?? []).flatMap(cronJob =>
      detectCronJobProblems(cronJob, jobs),
    ),
    ...(objects.autoscalers ?? []).flatMap(detectAutoscalerProblems),
    ...(objects.services ?? []).flatMap(service =>
      detectServiceProblems(
        service,
        objects.endpointPods ?? objects.pods ?? [],
      ),
    ),
    ...(objects.resourceQuotas ?? []).flatMap(detectResourceQuotaProblems),
    ...(objects.customResources ?? []).flatMap(detectCustomResourceProblems),
    ...(objects.pods ?? []).flatMap(pod => podProblems(pod, objects, now)),
    ...onePerObjectAndCode(
      (objects.events ?? []).flatMap(event =>
        detectWarningEventProblems(event, now),
      ),
    ),
  ];
  return problems.sort(compareProblems);
}

/** Repeated Warning events about one object say the same thing: the first one found stays. */
function onePerObjectAndCode(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter(p => {
    const key = `${p.code}/${p.object.kind}/${p.object.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Problems a crash loop or OOM kill already explains; a restart count would only repeat them. */
const EXPLAINS_RESTARTS = new Set(['CrashLoopBackOff', 'OOMKilled']);

function podProblems(
  pod: TrimmedPod<KubernetesTimestamp>,
  objects: ObjectsToCheck,
  now: Date,
): Problem[] {
  const uid = pod.metadata?.uid;
  const problems = [
    ...detectPodProblems(pod, now),
    ...detectMemoryNearLimit(pod, uid ? objects.podUsage?.get(uid) : undefined),
  ];
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
