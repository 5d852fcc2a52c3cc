import type {
  TrimmedEvent,
  TrimmedHpa,
  TrimmedMetadata,
  TrimmedPod,
  TrimmedReplicaSet,
} from '@kubeplatform/clusters-common';
import type { WorkloadTimelineSource } from '../buildTimeline';
import devEu from './dev-eu.shop.json';
import prodUs from './prod-us.shop.json';

/**
 * The demo fleet's checkout and payments Deployments as the API server sent them (see
 * capture.sh), cut into the timeline's sources the way the cache would hand them out.
 */
const captured = { 'dev-eu': devEu, 'prod-us': prodUs } as const;

/** Events as trimEvent stores them: events.k8s.io's eventTime folded into the timestamps. */
function asCachedEvent(raw: any): TrimmedEvent {
  return {
    ...raw,
    firstTimestamp: raw.firstTimestamp ?? raw.eventTime ?? undefined,
    lastTimestamp:
      raw.lastTimestamp ??
      raw.series?.lastObservedTime ??
      raw.eventTime ??
      undefined,
  };
}

export function capturedSource(
  cluster: keyof typeof captured,
  deployment: 'checkout' | 'payments',
): WorkloadTimelineSource {
  const objects: any = captured[cluster];
  const workload = objects.deployments.find(
    (d: any) => d.metadata.name === deployment,
  );
  const replicaSets: TrimmedReplicaSet[] = objects.replicasets.filter(
    (rs: any) => rs.metadata.ownerReferences[0].uid === workload.metadata.uid,
  );
  const rsNames = replicaSets.map(rs => rs.metadata?.name ?? '');
  const pods: TrimmedPod[] = objects.pods.filter((p: any) =>
    rsNames.includes(p.metadata.ownerReferences[0].name),
  );
  const hpas: TrimmedHpa[] = objects.horizontalpodautoscalers.filter(
    (h: any) => h.spec.scaleTargetRef.name === deployment,
  );
  const about = new Set([
    `Deployment/${deployment}`,
    `HorizontalPodAutoscaler/${deployment}`,
    ...rsNames.map(n => `ReplicaSet/${n}`),
  ]);
  const events: TrimmedEvent[] = objects.events
    .filter(
      (e: any) =>
        about.has(`${e.involvedObject.kind}/${e.involvedObject.name}`) ||
        (e.involvedObject.kind === 'Pod' &&
          rsNames.some(n => e.involvedObject.name.startsWith(`${n}-`))),
    )
    .map(asCachedEvent);
  return {
    cluster,
    kind: 'Deployment',
    metadata: workload.metadata as TrimmedMetadata,
    replicaSets,
    pods,
    hpas,
    events,
  };
}
