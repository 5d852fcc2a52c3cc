import {
  containerRequirements,
  ContainerStatusSummary,
  EventSummary,
  KubectlCommands,
  podRequirements,
  PodSummary,
  ResourceRequirementsSummary,
  totalRestarts,
  totalUsage,
  TrimmedContainerState,
  TrimmedEvent,
  TrimmedPod,
  WorkloadDetail,
} from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { EntityQuery } from '../entities/entityQuery';
import { objectDashboardLink } from './dashboardLinks';
import { findWorkloads, jobsOf, Workload } from './findEntityObjects';
import { namespaceQuotas, workloadNetwork } from './networkAndQuotas';
import {
  cacheProblems,
  podUsages,
  restartBaselines,
  summariseWorkload,
} from './summariseWorkload';

const MAX_EVENTS = 100;

/** The drawer: one workload of the entity in one cluster, or undefined if it is not the entity's. */
export function buildWorkloadDetail(
  reader: CacheReader,
  query: EntityQuery,
  ref: { kind: string; namespace: string; name: string },
  now: Date,
): WorkloadDetail | undefined {
  const workload = findWorkloads(reader, query).find(
    w =>
      w.kind === ref.kind &&
      w.object.metadata?.namespace === ref.namespace &&
      w.object.metadata?.name === ref.name,
  );
  if (!workload) return undefined;
  const { summary, pods } = summariseWorkload(reader, workload, now);
  const events = relatedEvents(reader, workload, pods);
  return {
    cluster: reader.identity,
    sync: reader.status(now.getTime()),
    workload: summary,
    pods: pods
      .map(pod => podSummary(reader, pod, now))
      .sort(
        (a, b) =>
          b.problems.length - a.problems.length || a.name.localeCompare(b.name),
      ),
    events,
    kubectl: kubectlCommands(reader.identity.name, workload),
    network: workloadNetwork(reader, query, workload, pods, now),
    quotas: namespaceQuotas(reader, ref.namespace, now),
    ...withDashboardLink(reader, workload),
    metrics: reader.metricsStatus(),
  };
}

function withDashboardLink(
  reader: CacheReader,
  workload: Workload,
): { dashboardLink?: string } {
  const { dashboardApp, dashboardUrl, dashboardParameters } = reader.identity;
  const spec = workload.object.spec;
  const dashboardLink = objectDashboardLink({
    dashboardApp,
    dashboardUrl,
    dashboardParameters,
    object: {
      kind: workload.kind,
      namespace: workload.object.metadata?.namespace ?? '',
      name: workload.object.metadata?.name ?? '',
      uid: workload.object.metadata?.uid,
      selector: spec && 'selector' in spec ? spec.selector : undefined,
    },
  });
  return dashboardLink ? { dashboardLink } : {};
}

export function podSummary(
  reader: CacheReader,
  pod: TrimmedPod,
  now: Date,
): PodSummary {
  const statuses = pod.status?.containerStatuses ?? [];
  const usage = reader.podUsage(
    pod.metadata?.namespace ?? '',
    pod.metadata?.name ?? '',
  );
  const containers: ContainerStatusSummary[] = (pod.spec?.containers ?? []).map(
    c => {
      const s = statuses.find(x => x.name === c.name);
      const state = containerState(s?.state);
      const used = usage?.containers.find(u => u.name === c.name);
      return {
        name: c.name,
        image: s?.image ?? c.image ?? '',
        ready: s?.ready ?? false,
        restartCount: s?.restartCount ?? 0,
        state,
        ...((s?.state?.waiting?.reason ?? s?.state?.terminated?.reason) && {
          reason: s?.state?.waiting?.reason ?? s?.state?.terminated?.reason,
        }),
        ...(s?.lastState?.terminated?.reason && {
          lastTerminationReason: s.lastState.terminated.reason,
        }),
        ...(used && {
          cpuMillicores: used.cpuMillicores,
          memoryBytes: used.memoryBytes,
        }),
        ...withResources(containerRequirements(c)),
      };
    },
  );
  const ready = containers.filter(c => c.ready).length;
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    ...(pod.metadata?.uid && { uid: pod.metadata.uid }),
    phase: pod.status?.phase ?? 'Unknown',
    ready: `${ready}/${containers.length}`,
    restarts: totalRestarts(pod),
    ...(pod.metadata?.creationTimestamp && {
      createdAt: String(pod.metadata.creationTimestamp),
    }),
    ...(pod.spec?.nodeName && { nodeName: pod.spec.nodeName }),
    containers,
    ...(usage && totalUsage(usage)),
    ...withResources(podRequirements(pod)),
    problems: cacheProblems(
      reader,
      {
        pods: [pod],
        restartSamples: restartBaselines(reader, [pod], now),
        podUsage: podUsages(reader, [pod]),
      },
      now,
    ),
  };
}

function withResources(resources: ResourceRequirementsSummary): {
  resources?: ResourceRequirementsSummary;
} {
  return Object.keys(resources).length ? { resources } : {};
}

function containerState(
  state: TrimmedContainerState | undefined,
): ContainerStatusSummary['state'] {
  if (state?.running) return 'running';
  if (state?.waiting) return 'waiting';
  if (state?.terminated) return 'terminated';
  return 'unknown';
}

/** Warning events about the workload, its ReplicaSets or Jobs, and its pods; newest first. */
function relatedEvents(
  reader: CacheReader,
  workload: Workload,
  pods: TrimmedPod[],
): EventSummary[] {
  const ns = workload.object.metadata?.namespace ?? '';
  const events: TrimmedEvent[] = [
    ...reader.eventsFor(
      workload.kind,
      ns,
      workload.object.metadata?.name ?? '',
    ),
  ];
  if (workload.kind === 'Deployment') {
    for (const rs of reader.listByOwner(
      'replicasets',
      workload.object.metadata?.uid ?? '',
    )) {
      events.push(
        ...reader.eventsFor('ReplicaSet', ns, rs.metadata?.name ?? ''),
      );
    }
  }
  if (workload.kind === 'CronJob') {
    for (const job of jobsOf(reader, workload.object)) {
      events.push(...reader.eventsFor('Job', ns, job.metadata?.name ?? ''));
    }
  }
  for (const pod of pods)
    events.push(...reader.eventsFor('Pod', ns, pod.metadata?.name ?? ''));
  return events
    .map(e => ({
      type: e.type ?? 'Warning',
      reason: e.reason ?? '',
      message: e.message ?? '',
      count: e.count ?? 1,
      ...(e.firstTimestamp && { firstSeen: String(e.firstTimestamp) }),
      ...(e.lastTimestamp && { lastSeen: String(e.lastTimestamp) }),
      involvedObject: {
        kind: e.involvedObject?.kind ?? '',
        name: e.involvedObject?.name ?? '',
        ...(e.involvedObject?.namespace && {
          namespace: e.involvedObject.namespace,
        }),
      },
    }))
    .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))
    .slice(0, MAX_EVENTS);
}

/** Copyable, read-only kubectl commands; names are Kubernetes names, so no shell quoting issue. */
export function kubectlCommands(
  context: string,
  workload: Workload,
): KubectlCommands {
  const ns = workload.object.metadata?.namespace ?? 'default';
  const name = workload.object.metadata?.name ?? '';
  // kubectl takes every workload kind lower-cased as its resource name.
  const ref = `${workload.kind.toLowerCase()}/${name}`;
  const base = `kubectl --context ${shellWord(context)} -n ${ns}`;
  const commands = [
    { title: 'Describe', command: `${base} describe ${ref}` },
    {
      title: 'Events',
      command: `${base} get events --field-selector involvedObject.name=${name}`,
    },
    {
      title: 'Logs',
      command: `${base} logs ${ref} --all-containers --tail=200`,
    },
  ];
  if (
    workload.kind === 'Deployment' ||
    workload.kind === 'StatefulSet' ||
    workload.kind === 'DaemonSet'
  ) {
    commands.splice(1, 0, {
      title: 'Rollout status',
      command: `${base} rollout status ${ref}`,
    });
    const labels = workload.object.spec?.selector?.matchLabels;
    if (labels && Object.keys(labels).length) {
      const selector = Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      commands.splice(1, 0, {
        title: 'Pods',
        command: `${base} get pods -l ${shellWord(selector)}`,
      });
    }
  }
  return { context, commands };
}

function shellWord(word: string): string {
  return /^[A-Za-z0-9_./=,:-]+$/.test(word)
    ? word
    : `'${word.replace(/'/g, `'\\''`)}'`;
}
