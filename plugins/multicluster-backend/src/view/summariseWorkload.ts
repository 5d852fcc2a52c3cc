import {
  AutoscalerSummary,
  detectProblems,
  hpaCpuUtilization,
  ObjectsToCheck,
  PodRestartSample,
  podRequirements,
  PodUsage,
  Problem,
  restartsInLastHour,
  sumRequirements,
  totalRestarts,
  totalUsage,
  TrimmedContainer,
  TrimmedHpa,
  TrimmedPod,
  WorkloadCondition,
  WorkloadSummary,
  WorkloadUsage,
} from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { jobsOf, podsOf, Workload } from './findEntityObjects';
import { healthOfProblems, worstHealth } from './health';
import { containerImages } from './images';

/** Everything the views need about one workload in one cluster, computed from the cache. */
export interface WorkloadFacts {
  summary: WorkloadSummary;
  pods: TrimmedPod[];
}

export function summariseWorkload(
  reader: CacheReader,
  workload: Workload,
  now: Date,
): WorkloadFacts {
  const { kind, object } = workload;
  const namespace = object.metadata?.namespace ?? '';
  const name = object.metadata?.name ?? '';
  const pods = podsOf(reader, workload);
  const hpa = reader
    .list('horizontalpodautoscalers', namespace)
    .find(
      h =>
        h.spec?.scaleTargetRef?.kind === kind &&
        h.spec.scaleTargetRef.name === name,
    );
  const restartSamples = restartBaselines(reader, pods, now);
  const podUsage = podUsages(reader, pods);

  const problems = cacheProblems(
    reader,
    {
      ...workloadObjects(reader, workload),
      ...(hpa && { autoscalers: [hpa] }),
      pods,
      events: workloadEvents(reader, workload),
      restartSamples,
      podUsage,
    },
    now,
  );
  const usage = workloadUsage(pods, podUsage);

  const replicas = replicaCounts(workload);
  const podPhases: WorkloadSummary['podPhases'] = {};
  let total = 0;
  let lastHour = 0;
  for (const pod of pods) {
    const phase = podPhase(pod);
    podPhases[phase] = (podPhases[phase] ?? 0) + 1;
    total += totalRestarts(pod);
    lastHour += restartsInLastHour(
      pod,
      restartSamples.get(pod.metadata?.uid ?? ''),
      now,
    );
  }

  const health = worstHealth([
    healthOfProblems(problems),
    replicas.ready < replicas.desired && kind !== 'Job' && kind !== 'CronJob'
      ? 'warning'
      : 'healthy',
  ]);

  return {
    pods,
    summary: {
      kind,
      namespace,
      name,
      replicas,
      images: containerImages(templateContainers(workload)),
      revision: revisionOf(workload),
      conditions: conditionsOf(workload),
      ...(hpa && { autoscaler: autoscalerSummary(hpa) }),
      restarts: { total, lastHour },
      podPhases,
      health,
      problems,
      ...(usage && { usage }),
    },
  };
}

/** The last metrics sample of each pod that has one, by pod uid. */
export function podUsages(
  reader: CacheReader,
  pods: TrimmedPod[],
): Map<string, PodUsage> {
  const usages = new Map<string, PodUsage>();
  for (const pod of pods) {
    const uid = pod.metadata?.uid;
    const usage =
      uid &&
      reader.podUsage(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
    if (uid && usage) usages.set(uid, usage);
  }
  return usages;
}

/**
 * CPU and memory summed over the workload's pods that have a sample, with the requests and
 * limits of those pods; undefined when none has one.
 */
function workloadUsage(
  pods: TrimmedPod[],
  usages: ReadonlyMap<string, PodUsage>,
): WorkloadUsage | undefined {
  const measured = pods.filter(p => usages.has(p.metadata?.uid ?? ''));
  if (!measured.length) return undefined;
  let cpuMillicores = 0;
  let memoryBytes = 0;
  for (const pod of measured) {
    const total = totalUsage(usages.get(pod.metadata?.uid ?? '')!);
    cpuMillicores += total.cpuMillicores;
    memoryBytes += total.memoryBytes;
  }
  return {
    cpuMillicores,
    memoryBytes,
    ...sumRequirements(measured.map(podRequirements)),
    podsWithMetrics: measured.length,
    pods: pods.filter(p => {
      const phase = p.status?.phase;
      return phase === 'Running' || phase === 'Pending';
    }).length,
  };
}

/** Problems of objects from one cluster's cache, through the shared pipeline, with the cluster. */
export function cacheProblems(
  reader: CacheReader,
  objects: ObjectsToCheck,
  now: Date,
): Problem[] {
  return detectProblems(objects, now).map(p => ({
    ...p,
    cluster: reader.identity.name,
  }));
}

/** The restart counts the cache saw at the start of the last hour, by pod uid. */
export function restartBaselines(
  reader: CacheReader,
  pods: TrimmedPod[],
  now: Date,
): Map<string, PodRestartSample> {
  const samples = new Map<string, PodRestartSample>();
  for (const pod of pods) {
    const uid = pod.metadata?.uid;
    const sample = uid && reader.restartBaseline(pod, now.getTime());
    if (uid && sample) samples.set(uid, sample);
  }
  return samples;
}

const POD_PHASES = new Set<string>([
  'Pending',
  'Running',
  'Succeeded',
  'Failed',
  'Unknown',
]);

type PodPhase = keyof WorkloadSummary['podPhases'];

function isPodPhase(phase: string): phase is PodPhase {
  return POD_PHASES.has(phase);
}

function podPhase(pod: TrimmedPod): PodPhase {
  const phase = pod.status?.phase ?? 'Unknown';
  return isPodPhase(phase) ? phase : 'Unknown';
}

/** The workload and the objects it controls: a Deployment's ReplicaSets, a CronJob's Jobs. */
function workloadObjects(
  reader: CacheReader,
  workload: Workload,
): ObjectsToCheck {
  switch (workload.kind) {
    case 'Deployment':
      return {
        deployments: [workload.object],
        replicaSets: reader.listByOwner(
          'replicasets',
          workload.object.metadata?.uid ?? '',
        ),
      };
    case 'StatefulSet':
      return { statefulSets: [workload.object] };
    case 'DaemonSet':
      return { daemonSets: [workload.object] };
    case 'Job':
      return { jobs: [workload.object] };
    case 'CronJob':
      return {
        cronJobs: [workload.object],
        jobs: jobsOf(reader, workload.object),
      };
    default:
      return {};
  }
}

/** Warning events about the workload and, for a CronJob, its Jobs: FailedCreate has no condition. */
function workloadEvents(reader: CacheReader, workload: Workload) {
  const ns = workload.object.metadata?.namespace ?? '';
  const name = workload.object.metadata?.name ?? '';
  const events = [...reader.eventsFor(workload.kind, ns, name)];
  if (workload.kind === 'CronJob') {
    for (const job of jobsOf(reader, workload.object)) {
      events.push(...reader.eventsFor('Job', ns, job.metadata?.name ?? ''));
    }
  }
  return events;
}

function replicaCounts(workload: Workload): WorkloadSummary['replicas'] {
  switch (workload.kind) {
    case 'Deployment':
    case 'StatefulSet': {
      const s = workload.object.status;
      return {
        desired: workload.object.spec?.replicas ?? 1,
        ready: s?.readyReplicas ?? 0,
        updated: s?.updatedReplicas ?? 0,
        available: s?.availableReplicas ?? 0,
      };
    }
    case 'DaemonSet': {
      const s = workload.object.status;
      return {
        desired: s?.desiredNumberScheduled ?? 0,
        ready: s?.numberReady ?? 0,
        updated: s?.updatedNumberScheduled ?? 0,
        available: s?.numberAvailable ?? 0,
      };
    }
    case 'Job': {
      const s = workload.object.status;
      const succeeded = s?.succeeded ?? 0;
      return {
        desired: workload.object.spec?.completions ?? 1,
        ready: s?.ready ?? 0,
        updated: succeeded,
        available: succeeded,
      };
    }
    case 'CronJob': {
      const active = workload.object.status?.active?.length ?? 0;
      return {
        desired: active,
        ready: active,
        updated: active,
        available: active,
      };
    }
    default:
      return { desired: 0, ready: 0, updated: 0, available: 0 };
  }
}

function templateContainers(
  workload: Workload,
): TrimmedContainer[] | undefined {
  if (workload.kind === 'CronJob') {
    return workload.object.spec?.jobTemplate?.spec?.template?.spec?.containers;
  }
  return workload.object.spec?.template?.spec?.containers;
}

function revisionOf(workload: Workload): string | undefined {
  switch (workload.kind) {
    case 'Deployment':
      return workload.object.metadata?.annotations?.[
        'deployment.kubernetes.io/revision'
      ];
    case 'StatefulSet':
      return workload.object.status?.currentRevision;
    default:
      return workload.object.metadata?.generation?.toString();
  }
}

function conditionsOf(workload: Workload): WorkloadCondition[] {
  if (workload.kind === 'CronJob') return [];
  return (workload.object.status?.conditions ?? []).map(c => ({
    type: c.type,
    status: c.status,
    ...(c.reason && { reason: c.reason }),
    ...(c.message && { message: c.message }),
    ...(c.lastTransitionTime && {
      lastTransitionTime: String(c.lastTransitionTime),
    }),
  }));
}

function autoscalerSummary(hpa: TrimmedHpa): AutoscalerSummary {
  const min = hpa.spec?.minReplicas ?? 1;
  const max = hpa.spec?.maxReplicas ?? 0;
  const current = hpa.status?.currentReplicas ?? 0;
  const cpu = hpaCpuUtilization(hpa);
  return {
    name: hpa.metadata?.name ?? '',
    minReplicas: min,
    maxReplicas: max,
    currentReplicas: current,
    desiredReplicas: hpa.status?.desiredReplicas ?? current,
    ...(cpu.target !== undefined && { targetCpuUtilization: cpu.target }),
    ...(cpu.current !== undefined && { currentCpuUtilization: cpu.current }),
    headroom: Math.max(0, max - current),
  };
}
