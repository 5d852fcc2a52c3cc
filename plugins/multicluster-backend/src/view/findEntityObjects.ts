import type {
  KubernetesObject,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1OwnerReference,
  V1Pod,
  V1StatefulSet,
} from '@kubernetes/client-node';
import type {
  CachedResource,
  CachedResourceTypes,
} from '@kubeplatform/clusters-node';
import {
  KUBERNETES_ID_LABEL,
  WorkloadKind,
} from '@kubeplatform/clusters-common';
import { EntityQuery } from '../entities/entityQuery';
import { matchesLabels, singleEquality } from '../entities/labelSelector';
import { CacheReader } from './CacheReader';

export type Workload =
  | { kind: 'Deployment'; object: V1Deployment }
  | { kind: 'StatefulSet'; object: V1StatefulSet }
  | { kind: 'DaemonSet'; object: V1DaemonSet }
  | { kind: 'Job'; object: V1Job }
  | { kind: 'CronJob'; object: V1CronJob };

const WORKLOAD_RESOURCES: Array<[WorkloadKind, CachedResource]> = [
  ['Deployment', 'deployments'],
  ['StatefulSet', 'statefulsets'],
  ['DaemonSet', 'daemonsets'],
  ['CronJob', 'cronjobs'],
  ['Job', 'jobs'],
];

/** Cached objects of one type that an entity's query selects, without any API call. */
export function selectObjects<K extends CachedResource>(
  reader: CacheReader,
  resource: K,
  query: EntityQuery,
): CachedResourceTypes[K][] {
  const eq = singleEquality(query.selector);
  let candidates: CachedResourceTypes[K][];
  if (eq?.key === KUBERNETES_ID_LABEL) {
    candidates = reader.listByKubernetesId(resource, eq.value);
  } else if (query.namespaces) {
    candidates = query.namespaces.flatMap(ns => reader.list(resource, ns));
  } else {
    candidates = reader.list(resource);
  }
  const namespaces = query.namespaces && new Set(query.namespaces);
  return candidates.filter(
    obj =>
      (!namespaces || namespaces.has(obj.metadata?.namespace ?? '')) &&
      matchesLabels(query.selector, obj.metadata?.labels),
  );
}

/** The entity's workloads. Jobs run by one of its CronJobs appear under that CronJob. */
export function findWorkloads(
  reader: CacheReader,
  query: EntityQuery,
): Workload[] {
  const workloads: Workload[] = [];
  const cronJobUids = new Set<string>();
  for (const [kind, resource] of WORKLOAD_RESOURCES) {
    for (const object of selectObjects(reader, resource, query)) {
      if (kind === 'CronJob') cronJobUids.add(object.metadata?.uid ?? '');
      if (
        kind === 'Job' &&
        object.metadata?.ownerReferences?.some(
          o => o.kind === 'CronJob' && cronJobUids.has(o.uid),
        )
      ) {
        continue;
      }
      workloads.push({ kind, object } as Workload);
    }
  }
  return workloads.sort(
    (a, b) =>
      (a.object.metadata?.namespace ?? '').localeCompare(
        b.object.metadata?.namespace ?? '',
      ) ||
      a.kind.localeCompare(b.kind) ||
      (a.object.metadata?.name ?? '').localeCompare(
        b.object.metadata?.name ?? '',
      ),
  );
}

/** The pods a workload runs, followed through ReplicaSets and Jobs by owner uid. */
export function podsOf(reader: CacheReader, workload: Workload): V1Pod[] {
  const uid = workload.object.metadata?.uid ?? '';
  switch (workload.kind) {
    case 'Deployment':
      return reader
        .listByOwner('replicasets', uid)
        .flatMap(rs => reader.listByOwner('pods', rs.metadata?.uid ?? ''));
    case 'CronJob':
      return jobsOf(reader, workload.object).flatMap(job =>
        reader.listByOwner('pods', job.metadata?.uid ?? ''),
      );
    default:
      return reader.listByOwner('pods', uid);
  }
}

export function jobsOf(reader: CacheReader, cronJob: V1CronJob): V1Job[] {
  return reader.listByOwner('jobs', cronJob.metadata?.uid ?? '');
}

const OWNER_RESOURCES: Record<string, CachedResource | undefined> = {
  ReplicaSet: 'replicasets',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  Job: 'jobs',
  CronJob: 'cronjobs',
};

/**
 * Whether a pod belongs to the entity: it matches the entity's query itself, or one of its
 * owners (ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob) does.
 */
export function entityOwnsPod(
  reader: CacheReader,
  query: EntityQuery,
  pod: V1Pod,
): boolean {
  const namespaces = query.namespaces && new Set(query.namespaces);
  const selected = (obj: KubernetesObject) =>
    (!namespaces || namespaces.has(obj.metadata?.namespace ?? '')) &&
    matchesLabels(query.selector, obj.metadata?.labels);
  let current: KubernetesObject | undefined = pod;
  for (let depth = 0; current && depth < 4; depth++) {
    if (selected(current)) return true;
    const owners: V1OwnerReference[] = current.metadata?.ownerReferences ?? [];
    const owner: V1OwnerReference | undefined =
      owners.find(o => o.controller) ?? owners[0];
    const resource: CachedResource | undefined =
      owner && OWNER_RESOURCES[owner.kind];
    const namespace: string = current.metadata?.namespace ?? '';
    current =
      resource && owner
        ? reader.get(resource, namespace, owner.name)
        : undefined;
  }
  return false;
}
