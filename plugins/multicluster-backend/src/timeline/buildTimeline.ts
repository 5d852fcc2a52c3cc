import {
  TimelineEntry,
  TimelineEntryType,
  TimelineImage,
  TrimmedEvent,
  TrimmedHpa,
  TrimmedMetadata,
  TrimmedPod,
  TrimmedReplicaSet,
} from '@kubeplatform/clusters-common';

/** What the timeline reads about one workload in one cluster, gathered from the watch cache. */
export interface WorkloadTimelineSource {
  cluster: string;
  kind: string;
  metadata: TrimmedMetadata;
  /** A Deployment's ReplicaSets, one per revision still kept. */
  replicaSets: TrimmedReplicaSet[];
  pods: TrimmedPod[];
  /** Autoscalers targeting the workload. */
  hpas: TrimmedHpa[];
  /** Events about the workload, its ReplicaSets, Jobs, pods and autoscalers. */
  events: TrimmedEvent[];
}

const SCALING_REASONS = new Set(['ScalingReplicaSet', 'SuccessfulRescale']);
const RESTART_REASONS = new Set(['BackOff', 'OOMKilling', 'CrashLoopBackOff']);
const REVISION = 'deployment.kubernetes.io/revision';
/** An autoscaler's lastScaleTime within this of its SuccessfulRescale event is the same decision. */
const SAME_DECISION_MS = 5_000;

/**
 * The timeline of one cluster's workloads, newest first: rollouts and config changes from
 * ReplicaSet revisions, scaling from events and autoscaler status, restarts from events and
 * container statuses, and every other event. Pure: the same sources give the same entries.
 */
export function buildTimeline(
  sources: WorkloadTimelineSource[],
): TimelineEntry[] {
  return sources
    .flatMap(source => {
      const events = source.events.flatMap(e => eventEntry(source, e));
      return [
        ...revisionEntries(source),
        ...events,
        ...restartEntries(source),
        ...autoscalerEntries(source, events),
      ];
    })
    .sort(
      (a, b) =>
        Date.parse(b.time) - Date.parse(a.time) ||
        (b.rollout?.revision ?? 0) - (a.rollout?.revision ?? 0) ||
        a.id.localeCompare(b.id),
    );
}

function base(source: WorkloadTimelineSource) {
  return {
    cluster: source.cluster,
    namespace: source.metadata.namespace ?? '',
    workload: { kind: source.kind, name: source.metadata.name ?? '' },
  };
}

function revisionOf(rs: TrimmedReplicaSet): number | undefined {
  const n = Number(rs.metadata?.annotations?.[REVISION]);
  return Number.isInteger(n) ? n : undefined;
}

function imagesOf(rs: TrimmedReplicaSet): TimelineImage[] {
  return (rs.spec?.template?.spec?.containers ?? []).map(c => ({
    container: c.name,
    image: c.image ?? '',
  }));
}

function sameImages(a: TimelineImage[], b: TimelineImage[]): boolean {
  const key = (images: TimelineImage[]) =>
    images
      .map(i => `${i.container}=${i.image}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}

/** Each kept ReplicaSet revision: a rollout when its images differ from the revision before. */
function revisionEntries(source: WorkloadTimelineSource): TimelineEntry[] {
  const revisions = source.replicaSets
    .filter(rs => rs.metadata?.creationTimestamp)
    .sort(
      (a, b) =>
        (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0) ||
        Date.parse(a.metadata?.creationTimestamp ?? '') -
          Date.parse(b.metadata?.creationTimestamp ?? ''),
    );
  return revisions.map((rs, i): TimelineEntry => {
    const revision = revisionOf(rs);
    const images = imagesOf(rs);
    const previous = i > 0 ? imagesOf(revisions[i - 1]) : undefined;
    const unchanged = previous !== undefined && sameImages(previous, images);
    const label =
      revision === undefined ? 'New revision' : `Revision ${revision}`;
    return {
      id: `${source.cluster}/ReplicaSet/${rs.metadata?.namespace}/${rs.metadata?.name}`,
      ...base(source),
      time: rs.metadata?.creationTimestamp ?? '',
      type: unchanged ? 'config' : 'rollout',
      severity: 'info',
      reason: unchanged ? 'ConfigChange' : 'Rollout',
      message: unchanged
        ? `${label}: pod template changed, images unchanged`
        : `${label}: ${describeImages(images, previous)}`,
      object: { kind: 'ReplicaSet', name: rs.metadata?.name ?? '' },
      rollout: {
        ...(revision !== undefined && { revision }),
        images,
        ...(previous && { previousImages: previous }),
      },
    };
  });
}

function describeImages(
  images: TimelineImage[],
  previous: TimelineImage[] | undefined,
): string {
  return images
    .map(({ container, image }) => {
      const before = previous?.find(p => p.container === container)?.image;
      return before && before !== image
        ? `${container} ${before} → ${image}`
        : `${container} ${image}`;
    })
    .join(', ');
}

function typeOfEvent(event: TrimmedEvent): TimelineEntryType {
  const reason = event.reason ?? '';
  if (SCALING_REASONS.has(reason)) return 'scaling';
  if (RESTART_REASONS.has(reason)) return 'restart';
  return 'event';
}

function eventEntry(
  source: WorkloadTimelineSource,
  event: TrimmedEvent,
): TimelineEntry[] {
  const time =
    event.lastTimestamp ??
    event.firstTimestamp ??
    event.metadata?.creationTimestamp;
  if (!time) return [];
  const io = event.involvedObject ?? {};
  const isWorkload =
    io.kind === source.kind && io.name === source.metadata.name;
  return [
    {
      id: `${source.cluster}/Event/${
        event.metadata?.uid ??
        `${event.metadata?.namespace}/${event.metadata?.name}`
      }`,
      ...base(source),
      time: String(time),
      type: typeOfEvent(event),
      severity: event.type === 'Warning' ? 'warning' : 'info',
      reason: event.reason ?? '',
      message: event.message ?? '',
      ...(event.count && event.count > 1 && { count: event.count }),
      ...(!isWorkload &&
        io.kind &&
        io.name && { object: { kind: io.kind, name: io.name } }),
    },
  ];
}

/** The last termination of every container that restarted, from the pods' statuses. */
function restartEntries(source: WorkloadTimelineSource): TimelineEntry[] {
  return source.pods.flatMap(pod =>
    (pod.status?.containerStatuses ?? []).flatMap((status): TimelineEntry[] => {
      const last = status.lastState?.terminated;
      if (!last?.finishedAt) return [];
      const podName = pod.metadata?.name ?? '';
      const crashed = last.exitCode !== 0 || last.reason === 'OOMKilled';
      return [
        {
          id: `${source.cluster}/Pod/${pod.metadata?.namespace}/${podName}/${status.name}/${last.finishedAt}`,
          ...base(source),
          time: String(last.finishedAt),
          type: 'restart',
          severity: crashed ? 'warning' : 'info',
          reason: 'ContainerRestarted',
          message: `Container ${status.name} of ${podName} restarted (${
            last.reason ?? 'terminated'
          }, exit ${last.exitCode}); ${status.restartCount} restarts in all`,
          object: { kind: 'Pod', name: podName },
        },
      ];
    }),
  );
}

/**
 * An autoscaler's last decision from its status, which outlives its events; left out when a
 * SuccessfulRescale event already tells it.
 */
function autoscalerEntries(
  source: WorkloadTimelineSource,
  events: TimelineEntry[],
): TimelineEntry[] {
  return source.hpas.flatMap((hpa): TimelineEntry[] => {
    const time = hpa.status?.lastScaleTime;
    const name = hpa.metadata?.name ?? '';
    if (!time) return [];
    const told = events.some(
      e =>
        e.reason === 'SuccessfulRescale' &&
        e.object?.name === name &&
        Math.abs(Date.parse(e.time) - Date.parse(String(time))) <=
          SAME_DECISION_MS,
    );
    if (told) return [];
    const replicas = hpa.status?.desiredReplicas ?? hpa.status?.currentReplicas;
    return [
      {
        id: `${source.cluster}/HorizontalPodAutoscaler/${hpa.metadata?.namespace}/${name}/${time}`,
        ...base(source),
        time: String(time),
        type: 'scaling',
        severity: 'info',
        reason: 'AutoscalerScaled',
        message: `${name} last scaled to ${replicas} replicas (min ${
          hpa.spec?.minReplicas ?? 1
        }, max ${hpa.spec?.maxReplicas})`,
        object: { kind: 'HorizontalPodAutoscaler', name },
      },
    ];
  });
}
