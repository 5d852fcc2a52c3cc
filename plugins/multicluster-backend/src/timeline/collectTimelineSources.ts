import type { TrimmedEvent } from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { EntityQuery } from '../entities/entityQuery';
import {
  findWorkloads,
  jobsOf,
  podsOf,
  Workload,
} from '../view/findEntityObjects';
import type { WorkloadTimelineSource } from './buildTimeline';

/**
 * What the timeline reads about each of the entity's workloads in one cluster, from the cache
 * only. Events about pods that are gone are kept when the pod's name shows its owner (a
 * ReplicaSet or Job of the workload, a StatefulSet ordinal).
 */
export function collectTimelineSources(
  reader: CacheReader,
  query: EntityQuery,
): WorkloadTimelineSource[] {
  return findWorkloads(reader, query).map(workload => {
    const metadata = workload.object.metadata ?? {};
    const ns = metadata.namespace ?? '';
    const name = metadata.name ?? '';
    const replicaSets =
      workload.kind === 'Deployment'
        ? reader.listByOwner('replicasets', metadata.uid ?? '')
        : [];
    const jobs =
      workload.kind === 'CronJob' ? jobsOf(reader, workload.object) : [];
    const hpas = reader
      .list('horizontalpodautoscalers', ns)
      .filter(
        h =>
          h.spec?.scaleTargetRef?.kind === workload.kind &&
          h.spec?.scaleTargetRef?.name === name,
      );
    const ownsPodName = podNameMatcher(
      workload,
      replicaSets.map(rs => rs.metadata?.name ?? ''),
      jobs.map(j => j.metadata?.name ?? ''),
    );
    const byId = new Map<string, TrimmedEvent>();
    const add = (events: TrimmedEvent[]) =>
      events.forEach(e =>
        byId.set(e.metadata?.uid ?? `${e.metadata?.name}`, e),
      );
    const pods = podsOf(reader, workload);
    add(reader.eventsFor(workload.kind, ns, name));
    for (const pod of pods)
      add(reader.eventsFor('Pod', ns, pod.metadata?.name ?? ''));
    for (const rs of replicaSets)
      add(reader.eventsFor('ReplicaSet', ns, rs.metadata?.name ?? ''));
    for (const job of jobs)
      add(reader.eventsFor('Job', ns, job.metadata?.name ?? ''));
    for (const hpa of hpas)
      add(
        reader.eventsFor(
          'HorizontalPodAutoscaler',
          ns,
          hpa.metadata?.name ?? '',
        ),
      );
    add(
      reader
        .list('events', ns)
        .filter(
          e =>
            e.involvedObject?.kind === 'Pod' &&
            ownsPodName(e.involvedObject.name ?? ''),
        ),
    );
    return {
      cluster: reader.identity.name,
      kind: workload.kind,
      metadata,
      replicaSets,
      pods,
      hpas,
      events: [...byId.values()],
    };
  });
}

/** Pod names a controller gives: `<owner>-<5 chars>` for ReplicaSets and Jobs, `<sts>-<n>`. */
function podNameMatcher(
  workload: Workload,
  replicaSets: string[],
  jobs: string[],
): (pod: string) => boolean {
  const name = workload.object.metadata?.name ?? '';
  const generated = (owners: string[]) => (pod: string) =>
    owners.some(
      o =>
        pod.startsWith(`${o}-`) &&
        /^[a-z0-9]{5}$/.test(pod.slice(o.length + 1)),
    );
  switch (workload.kind) {
    case 'Deployment':
      return generated(replicaSets);
    case 'StatefulSet':
      return pod =>
        pod.startsWith(`${name}-`) && /^\d+$/.test(pod.slice(name.length + 1));
    case 'DaemonSet':
      return generated([name]);
    case 'Job':
      return generated([name]);
    case 'CronJob':
      return generated(jobs);
    default:
      return () => false;
  }
}
