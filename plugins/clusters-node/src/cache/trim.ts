/**
 * Trimming keeps the watch cache small: every cached object keeps only the fields a view or a
 * problem detector reads. managedFields, the last-applied annotation, pod specs beyond containers
 * and most annotations are dropped.
 */
import type {
  TrimmedCondition,
  TrimmedContainer,
  TrimmedContainerState,
  TrimmedContainerStatus,
  TrimmedCronJob,
  TrimmedEvent,
  TrimmedHpa,
  TrimmedIngress,
  TrimmedJob,
  TrimmedMetadata,
  TrimmedOwnerReference,
  TrimmedPod,
  TrimmedPodTemplate,
  TrimmedResourceQuota,
  TrimmedService,
  TrimmedWorkloadSpec,
} from '@kubeplatform/clusters-common';
import {
  definedOnly,
  detach,
  intern,
  internValues,
  shared,
  shareRecent,
} from './intern';

/** An object as the API server sends it: parsed JSON, nothing about it is known yet. */
export type ApiObject = Record<string, any>;
type Obj = ApiObject;

const KEPT_ANNOTATIONS = new Set([
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
]);

export function trimMetadata(m: Obj | undefined): TrimmedMetadata {
  if (!m) return {};
  const labels = m.labels && shared(internValues(m.labels));
  const ownerReferences: TrimmedOwnerReference[] | undefined = m.ownerReferences
    ?.length
    ? shared(
        m.ownerReferences.map((r: Obj) => ({
          apiVersion: intern(r.apiVersion),
          kind: intern(r.kind),
          name: intern(r.name),
          uid: intern(r.uid),
          controller: r.controller,
        })),
      )
    : undefined;
  const full: TrimmedMetadata = {
    name: m.name,
    namespace: intern(m.namespace),
    uid: m.uid,
    resourceVersion: m.resourceVersion,
    creationTimestamp: intern(m.creationTimestamp),
    generation: m.generation,
    labels,
    ownerReferences,
  };
  // What most objects have (a pod of a ReplicaSet, a ReplicaSet of a Deployment) is kept as the
  // literal itself: an object gets room for the properties of the literal it is made from;
  // properties added later go to a separate backing store, which costs a header and spare slots.
  const out: TrimmedMetadata =
    m.name !== undefined &&
    m.namespace !== undefined &&
    m.uid !== undefined &&
    m.resourceVersion !== undefined &&
    m.creationTimestamp !== undefined &&
    m.generation !== undefined &&
    labels &&
    ownerReferences
      ? full
      : definedOnly(full);
  if (m.deletionTimestamp) out.deletionTimestamp = m.deletionTimestamp;
  if (m.annotations) {
    const kept: Record<string, string> = {};
    let any = false;
    for (const key of Object.keys(m.annotations)) {
      if (KEPT_ANNOTATIONS.has(key)) {
        kept[key] = m.annotations[key];
        any = true;
      }
    }
    if (any) out.annotations = kept;
  }
  return out;
}

/** Pod conditions views and detectors read; Initialized and the like are dropped. */
const POD_CONDITIONS_READ = new Set([
  'Ready',
  'ContainersReady',
  'PodScheduled',
]);

function trimContainer(c: Obj): TrimmedContainer {
  const out: TrimmedContainer = {
    name: intern(c.name),
    image: intern(c.image),
  };
  // The ReadinessProbeFailing detector describes the probe and computes its grace period.
  // The exec command line may hold credentials: the cache keeps only that an exec probe exists.
  if (c.readinessProbe) {
    out.readinessProbe = c.readinessProbe.exec
      ? { ...c.readinessProbe, exec: {} }
      : c.readinessProbe;
  }
  if (c.resources?.limits || c.resources?.requests) {
    out.resources = {
      limits: internValues(c.resources.limits),
      requests: internValues(c.resources.requests),
    };
  }
  return out;
}

function trimPodTemplate(t: Obj | undefined): TrimmedPodTemplate | undefined {
  if (!t) return undefined;
  // Shared: a Deployment, its ReplicaSets and their pods have equal containers and labels.
  return {
    metadata: t.metadata?.labels
      ? { labels: shared(internValues(t.metadata.labels)) }
      : undefined,
    spec: { containers: shared((t.spec?.containers ?? []).map(trimContainer)) },
  };
}

function trimContainerState(
  s: Obj | undefined,
): TrimmedContainerState | undefined {
  if (!s) return undefined;
  if (s.waiting)
    return shareRecent({
      waiting: definedOnly({
        reason: intern(s.waiting.reason),
        message: intern(s.waiting.message),
      }),
    });
  if (s.running)
    return shareRecent({
      running: definedOnly({ startedAt: intern(s.running.startedAt) }),
    });
  if (s.terminated) {
    const t = s.terminated;
    return shareRecent({
      terminated: definedOnly({
        reason: intern(t.reason),
        exitCode: t.exitCode,
        message: intern(t.message),
        startedAt: intern(t.startedAt),
        finishedAt: intern(t.finishedAt),
      }),
    });
  }
  // No state: nothing to keep.
  return undefined;
}

/**
 * A container status, shared with the equal statuses of other pods seen recently (the same
 * container of one rollout, started in the same second); its state is shared on its own too,
 * as the containers of one pod usually start together.
 */
function trimContainerStatus(s: Obj): TrimmedContainerStatus {
  const state = trimContainerState(s.state);
  const lastState = trimContainerState(s.lastState);
  const usual = {
    name: intern(s.name),
    image: intern(s.image),
    ready: s.ready,
    started: s.started,
    restartCount: s.restartCount,
    state,
  };
  // The usual case is kept as that literal, exactly its keys (see trimMetadata).
  if (
    state &&
    !lastState &&
    s.ready !== undefined &&
    s.started !== undefined &&
    s.restartCount !== undefined
  )
    return shareRecent(usual);
  return shareRecent(definedOnly({ ...usual, lastState }));
}

function trimContainerStatuses(
  statuses: Obj[] | undefined,
): TrimmedContainerStatus[] | undefined {
  return statuses && shareRecent(statuses.map(trimContainerStatus));
}

/** Conditions, each and as a list shared with equal ones seen recently. */
function trimConditions(
  conditions: Obj[] | undefined,
): TrimmedCondition[] | undefined {
  return (
    conditions &&
    shareRecent(
      conditions.map(c =>
        shareRecent(
          definedOnly({
            type: intern(c.type),
            status: intern(c.status),
            reason: intern(c.reason),
            message: intern(c.message),
            lastTransitionTime: intern(c.lastTransitionTime),
          }),
        ),
      ),
    )
  );
}

/** A pod's spec, made from a literal of exactly the keys it has (see trimMetadata). */
function trimPodSpec(spec: Obj | undefined): NonNullable<TrimmedPod['spec']> {
  const nodeName = intern(spec?.nodeName);
  const containers = shared((spec?.containers ?? []).map(trimContainer));
  if (spec?.initContainers)
    return definedOnly({
      nodeName,
      containers,
      initContainers: shared(spec.initContainers.map(trimContainer)),
    });
  return nodeName !== undefined ? { nodeName, containers } : { containers };
}

export function trimPod(p: Obj): TrimmedPod {
  const s = p.status ?? {};
  return detach({
    metadata: trimMetadata(p.metadata),
    spec: trimPodSpec(p.spec),
    // Pods of one rollout that started in the same second have equal statuses: shared like
    // their conditions and container statuses.
    status: shareRecent(
      definedOnly({
        phase: intern(s.phase),
        reason: intern(s.reason),
        message: intern(s.message),
        startTime: intern(s.startTime),
        conditions: trimConditions(
          s.conditions?.filter((c: Obj) => POD_CONDITIONS_READ.has(c.type)),
        ),
        containerStatuses: trimContainerStatuses(s.containerStatuses),
        initContainerStatuses: trimContainerStatuses(s.initContainerStatuses),
      }),
    ),
  });
}

/** A part of an object as the API server sent it (its spec, its status): nothing is known of it. */
type SentPart = Obj[string];

/** A status as the API server sent it, with its conditions trimmed and shared. */
function withTrimmedConditions(status: SentPart): SentPart {
  return { ...status, conditions: trimConditions(status?.conditions) };
}

/** A status kept as the API server sent it. */
function asSent(status: SentPart): SentPart {
  return status;
}

/**
 * An object's metadata, its spec as `pickSpec` keeps it and its status as `trimStatus` keeps it,
 * in one literal, so that every object of a kind has the same three keys in the same order.
 */
function trimSpecAndStatus<Spec, Status>(
  o: Obj,
  pickSpec: (spec: SentPart) => Spec,
  trimStatus: (status: SentPart) => Status,
): { metadata: TrimmedMetadata; spec: Spec; status: Status } {
  return detach({
    metadata: trimMetadata(o.metadata),
    spec: pickSpec(o.spec),
    status: trimStatus(o.status),
  });
}

/** Deployments, ReplicaSets, StatefulSets and DaemonSets: spec without the pod spec details. */
export function trimWorkload(w: Obj): {
  metadata: TrimmedMetadata;
  spec: TrimmedWorkloadSpec;
  status: Obj & { conditions?: TrimmedCondition[] };
} {
  return trimSpecAndStatus(
    w,
    spec => ({
      replicas: spec?.replicas,
      paused: spec?.paused,
      progressDeadlineSeconds: spec?.progressDeadlineSeconds,
      selector: spec?.selector,
      template: trimPodTemplate(spec?.template),
    }),
    withTrimmedConditions,
  );
}

export function trimJob(j: Obj): TrimmedJob {
  return trimSpecAndStatus(
    j,
    spec => ({
      completions: spec?.completions,
      parallelism: spec?.parallelism,
      backoffLimit: spec?.backoffLimit,
      activeDeadlineSeconds: spec?.activeDeadlineSeconds,
      template: trimPodTemplate(spec?.template),
    }),
    withTrimmedConditions,
  );
}

export function trimCronJob(c: Obj): TrimmedCronJob {
  return trimSpecAndStatus(
    c,
    spec => ({
      schedule: spec?.schedule,
      suspend: spec?.suspend,
      jobTemplate: {
        metadata: spec?.jobTemplate?.metadata?.labels
          ? { labels: spec.jobTemplate.metadata.labels }
          : undefined,
        spec: { template: trimPodTemplate(spec?.jobTemplate?.spec?.template) },
      },
    }),
    asSent,
  );
}

export function trimHpa(h: Obj): TrimmedHpa {
  return trimSpecAndStatus(h, spec => spec, withTrimmedConditions);
}

export function trimService(s: Obj): TrimmedService {
  return detach({
    metadata: trimMetadata(s.metadata),
    spec: {
      type: s.spec?.type,
      clusterIP: s.spec?.clusterIP,
      ports: s.spec?.ports,
      selector: s.spec?.selector,
    },
  });
}

export function trimIngress(i: Obj): TrimmedIngress {
  return trimSpecAndStatus(
    i,
    spec => ({
      ingressClassName: spec?.ingressClassName,
      rules: spec?.rules,
      tls: spec?.tls,
    }),
    asSent,
  );
}

export function trimResourceQuota(q: Obj): TrimmedResourceQuota {
  return trimSpecAndStatus(q, spec => ({ hard: spec?.hard }), asSent);
}

export function trimEvent(e: Obj): TrimmedEvent {
  return detach({
    metadata: trimMetadata(e.metadata),
    involvedObject: {
      kind: e.involvedObject?.kind,
      name: e.involvedObject?.name,
      namespace: e.involvedObject?.namespace,
      uid: e.involvedObject?.uid,
    },
    type: e.type,
    reason: e.reason,
    message: e.message,
    count: e.count ?? e.series?.count,
    firstTimestamp: e.firstTimestamp ?? e.eventTime,
    lastTimestamp: e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime,
  });
}
