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
  const out: TrimmedMetadata = {
    name: m.name,
    namespace: intern(m.namespace),
    uid: m.uid,
    resourceVersion: m.resourceVersion,
    creationTimestamp: intern(m.creationTimestamp),
  };
  if (m.generation !== undefined) out.generation = m.generation;
  if (m.deletionTimestamp) out.deletionTimestamp = m.deletionTimestamp;
  if (m.labels) out.labels = shared(internValues(m.labels));
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
  if (m.ownerReferences?.length) {
    out.ownerReferences = shared(
      m.ownerReferences.map((r: Obj) => ({
        apiVersion: intern(r.apiVersion),
        kind: intern(r.kind),
        name: intern(r.name),
        uid: intern(r.uid),
        controller: r.controller,
      })),
    );
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
  return {
    metadata: t.metadata?.labels ? { labels: t.metadata.labels } : undefined,
    spec: { containers: (t.spec?.containers ?? []).map(trimContainer) },
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
  return shareRecent(
    definedOnly({
      name: intern(s.name),
      image: intern(s.image),
      ready: s.ready,
      started: s.started,
      restartCount: s.restartCount,
      state: trimContainerState(s.state),
      lastState: trimContainerState(s.lastState),
    }),
  );
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

export function trimPod(p: Obj): TrimmedPod {
  const s = p.status ?? {};
  return detach({
    metadata: trimMetadata(p.metadata),
    spec: definedOnly({
      nodeName: intern(p.spec?.nodeName),
      containers: shared((p.spec?.containers ?? []).map(trimContainer)),
      initContainers:
        p.spec?.initContainers &&
        shared(p.spec.initContainers.map(trimContainer)),
    }),
    status: definedOnly({
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
  });
}

/** Deployments, ReplicaSets, StatefulSets and DaemonSets: spec without the pod spec details. */
export function trimWorkload(w: Obj): {
  metadata: TrimmedMetadata;
  spec: TrimmedWorkloadSpec;
  status: Obj & { conditions?: TrimmedCondition[] };
} {
  const spec = w.spec ?? {};
  return detach({
    metadata: trimMetadata(w.metadata),
    spec: {
      replicas: spec.replicas,
      paused: spec.paused,
      progressDeadlineSeconds: spec.progressDeadlineSeconds,
      selector: spec.selector,
      template: trimPodTemplate(spec.template),
    },
    status: { ...w.status, conditions: trimConditions(w.status?.conditions) },
  });
}

export function trimJob(j: Obj): TrimmedJob {
  const spec = j.spec ?? {};
  return detach({
    metadata: trimMetadata(j.metadata),
    spec: {
      completions: spec.completions,
      parallelism: spec.parallelism,
      backoffLimit: spec.backoffLimit,
      activeDeadlineSeconds: spec.activeDeadlineSeconds,
      template: trimPodTemplate(spec.template),
    },
    status: { ...j.status, conditions: trimConditions(j.status?.conditions) },
  });
}

export function trimCronJob(c: Obj): TrimmedCronJob {
  const spec = c.spec ?? {};
  return detach({
    metadata: trimMetadata(c.metadata),
    spec: {
      schedule: spec.schedule,
      suspend: spec.suspend,
      jobTemplate: {
        metadata: spec.jobTemplate?.metadata?.labels
          ? { labels: spec.jobTemplate.metadata.labels }
          : undefined,
        spec: { template: trimPodTemplate(spec.jobTemplate?.spec?.template) },
      },
    },
    status: c.status,
  });
}

export function trimHpa(h: Obj): TrimmedHpa {
  return detach({
    metadata: trimMetadata(h.metadata),
    spec: h.spec,
    status: { ...h.status, conditions: trimConditions(h.status?.conditions) },
  });
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
  return detach({
    metadata: trimMetadata(i.metadata),
    spec: {
      ingressClassName: i.spec?.ingressClassName,
      rules: i.spec?.rules,
      tls: i.spec?.tls,
    },
    status: i.status,
  });
}

export function trimResourceQuota(q: Obj): TrimmedResourceQuota {
  return detach({
    metadata: trimMetadata(q.metadata),
    spec: { hard: q.spec?.hard },
    status: q.status,
  });
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
