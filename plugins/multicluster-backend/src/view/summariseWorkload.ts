import type {
  V1Container,
  V1Pod,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import {
  AutoscalerSummary,
  compareProblems,
  detectAutoscalerProblems,
  detectCronJobProblems,
  detectDaemonSetProblems,
  detectDeploymentProblems,
  detectJobProblems,
  detectPodProblems,
  detectReplicaSetProblems,
  detectStatefulSetProblems,
  detectWarningEventProblems,
  hpaCpuUtilization,
  Problem,
  WorkloadCondition,
  WorkloadSummary,
} from '@kubeplatform/clusters-common';
import { CacheReader } from './CacheReader';
import { jobsOf, podsOf, Workload } from './findEntityObjects';
import { healthOfProblems, worstHealth } from './health';
import { containerImages } from './images';

/** Everything the views need about one workload in one cluster, computed from the cache. */
export interface WorkloadFacts {
  summary: WorkloadSummary;
  pods: V1Pod[];
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

  const problems: Problem[] = [
    ...workloadProblems(reader, workload),
    ...(hpa ? detectAutoscalerProblems(hpa) : []),
    ...pods.flatMap(pod => detectPodProblems(pod, now)),
    ...eventProblems(reader, workload, now),
  ];
  for (const p of problems) p.cluster = reader.identity.name;
  problems.sort(compareProblems);

  const replicas = replicaCounts(workload);
  const podPhases: WorkloadSummary['podPhases'] = {};
  let total = 0;
  let lastHour = 0;
  for (const pod of pods) {
    const phase = (pod.status?.phase ??
      'Unknown') as keyof WorkloadSummary['podPhases'];
    podPhases[phase] = (podPhases[phase] ?? 0) + 1;
    for (const s of [
      ...(pod.status?.containerStatuses ?? []),
      ...(pod.status?.initContainerStatuses ?? []),
    ]) {
      total += s.restartCount ?? 0;
    }
    lastHour += reader.restartsInLastHour(pod, now.getTime());
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
    },
  };
}

function workloadProblems(reader: CacheReader, workload: Workload): Problem[] {
  switch (workload.kind) {
    case 'Deployment':
      return [
        ...detectDeploymentProblems(workload.object),
        ...reader
          .listByOwner('replicasets', workload.object.metadata?.uid ?? '')
          .flatMap(rs => detectReplicaSetProblems(rs)),
      ];
    case 'StatefulSet':
      return detectStatefulSetProblems(workload.object);
    case 'DaemonSet':
      return detectDaemonSetProblems(workload.object);
    case 'Job':
      return detectJobProblems(workload.object);
    case 'CronJob': {
      const jobs = jobsOf(reader, workload.object);
      return [
        ...detectCronJobProblems(workload.object, jobs),
        ...jobs.flatMap(j => detectJobProblems(j)),
      ];
    }
    default:
      return [];
  }
}

/** FailedCreate Warning events, for controllers that have no failure condition. */
function eventProblems(
  reader: CacheReader,
  workload: Workload,
  now: Date,
): Problem[] {
  const ns = workload.object.metadata?.namespace ?? '';
  const name = workload.object.metadata?.name ?? '';
  const events = reader.eventsFor(workload.kind, ns, name);
  if (workload.kind === 'CronJob') {
    for (const job of jobsOf(reader, workload.object)) {
      events.push(...reader.eventsFor('Job', ns, job.metadata?.name ?? ''));
    }
  }
  const problems = events.flatMap(e => detectWarningEventProblems(e, now));
  // One problem per object and code: repeated events say the same thing.
  const seen = new Set<string>();
  return problems.filter(p => {
    const key = `${p.code}/${p.object.kind}/${p.object.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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

function templateContainers(workload: Workload): V1Container[] | undefined {
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

function autoscalerSummary(hpa: V2HorizontalPodAutoscaler): AutoscalerSummary {
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
