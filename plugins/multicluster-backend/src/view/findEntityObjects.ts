import type {
  CacheReader,
  CachedObject,
  CachedResource,
  CachedResourceTypes,
} from '@kubeplatform/clusters-node';
import {
  KUBERNETES_ID_LABEL,
  TrimmedCronJob,
  TrimmedDaemonSet,
  TrimmedDeployment,
  TrimmedJob,
  TrimmedOwnerReference,
  TrimmedPod,
  TrimmedStatefulSet,
  WORKLOAD_KINDS,
  WorkloadKind,
} from '@kubeplatform/clusters-common';
import { EntityQuery } from '../entities/entityQuery';
import { matchesLabels, singleEquality } from '../entities/labelSelector';

export type Workload =
  | { kind: 'Deployment'; object: TrimmedDeployment }
  | { kind: 'StatefulSet'; object: TrimmedStatefulSet }
  | { kind: 'DaemonSet'; object: TrimmedDaemonSet }
  | { kind: 'Job'; object: TrimmedJob }
  | { kind: 'CronJob'; object: TrimmedCronJob };

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
  const all = WORKLOAD_KINDS.flatMap(kind =>
    workloadsOfKind(reader, query, kind),
  );
  const cronJobUids = new Set(
    all
      .filter(w => w.kind === 'CronJob')
      .map(w => w.object.metadata?.uid ?? ''),
  );
  return all
    .filter(
      w =>
        !(
          w.kind === 'Job' &&
          w.object.metadata?.ownerReferences?.some(
            o => o.kind === 'CronJob' && cronJobUids.has(o.uid),
          )
        ),
    )
    .sort(
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

/** The cache collection each workload kind is kept in. */
const WORKLOAD_RESOURCES = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  Job: 'jobs',
  CronJob: 'cronjobs',
} as const satisfies Record<WorkloadKind, CachedResource>;

function workloadsOfKind(
  reader: CacheReader,
  query: EntityQuery,
  kind: WorkloadKind,
): Workload[] {
  return selectObjects(reader, WORKLOAD_RESOURCES[kind], query).map(
    object => ({ kind, object } as Workload),
  );
}

/** The pods a workload runs, followed through ReplicaSets and Jobs by owner uid. */
export function podsOf(reader: CacheReader, workload: Workload): TrimmedPod[] {
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

export function jobsOf(
  reader: CacheReader,
  cronJob: TrimmedCronJob,
): TrimmedJob[] {
  return reader.listByOwner('jobs', cronJob.metadata?.uid ?? '');
}

const OWNER_RESOURCES: Record<string, CachedResource | undefined> = {
  ReplicaSet: 'replicasets',
  ...WORKLOAD_RESOURCES,
};

/**
 * Whether a pod belongs to the entity: it matches the entity's query itself, or one of its
 * owners (ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob) does.
 */
export function entityOwnsPod(
  reader: CacheReader,
  query: EntityQuery,
  pod: TrimmedPod,
): boolean {
  const namespaces = query.namespaces && new Set(query.namespaces);
  const selected = (obj: CachedObject) =>
    (!namespaces || namespaces.has(obj.metadata?.namespace ?? '')) &&
    matchesLabels(query.selector, obj.metadata?.labels);
  let current: CachedObject | undefined = pod;
  for (let depth = 0; current && depth < 4; depth++) {
    if (selected(current)) return true;
    const owners: TrimmedOwnerReference[] =
      current.metadata?.ownerReferences ?? [];
    const owner: TrimmedOwnerReference | undefined =
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
