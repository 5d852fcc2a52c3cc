import {
  AutoscalerSummary,
  ClusterView,
  Problem,
  VersionDrift,
  WorkloadSummary,
} from '@kubeplatform/clusters-common';
import { compareProblemsCauseFirst } from './problemOrder';

export interface ImageTagView {
  workload: string;
  container: string;
  tag: string;
  image: string;
  /** Set when this cluster runs a different tag than most other clusters. */
  drift?: { tagsByCluster: Record<string, string> };
}

export interface ClusterSummary {
  ready: number;
  desired: number;
  /** The autoscaler closest to its maximum. */
  autoscaler?: AutoscalerSummary;
  restartsLastHour: number;
  images: ImageTagView[];
  topProblem?: Problem;
  problemCount: number;
}

/** Tags that most clusters run; every tag when there is a tie. */
function majorityTags(tagsByCluster: Record<string, string>): Set<string> {
  const counts = new Map<string, number>();
  for (const tag of Object.values(tagsByCluster)) {
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const max = Math.max(0, ...counts.values());
  const winners = [...counts.entries()]
    .filter(([, n]) => n === max)
    .map(([t]) => t);
  return winners.length === 1 ? new Set(winners) : new Set();
}

/** Whether `tag` of this workload container in this cluster is drifted from the others. */
export function findDrift(
  drift: VersionDrift[],
  cluster: string,
  workload: Pick<WorkloadSummary, 'kind' | 'name'>,
  container: string,
): VersionDrift | undefined {
  const entry = drift.find(
    d =>
      d.kind === workload.kind &&
      d.name === workload.name &&
      d.container === container,
  );
  if (!entry || !(cluster in entry.tagsByCluster)) return undefined;
  return majorityTags(entry.tagsByCluster).has(entry.tagsByCluster[cluster])
    ? undefined
    : entry;
}

function autoscalerPressure(a: AutoscalerSummary): number {
  return a.maxReplicas > 0 ? a.currentReplicas / a.maxReplicas : 0;
}

/** All problems of a cluster, worst first, without duplicates. */
export function clusterProblems(cluster: ClusterView): Problem[] {
  const seen = new Set<string>();
  const all = [
    ...cluster.problems,
    ...cluster.workloads.flatMap(w => w.problems),
  ];
  return all
    .filter(p => {
      const key = `${p.code}|${p.object.kind}|${p.object.namespace}|${
        p.object.name
      }|${p.object.container ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareProblemsCauseFirst);
}

export function summariseCluster(
  cluster: ClusterView,
  drift: VersionDrift[],
): ClusterSummary {
  const workloads = cluster.workloads;
  const autoscalers = workloads
    .map(w => w.autoscaler)
    .filter((a): a is AutoscalerSummary => Boolean(a))
    .sort((a, b) => autoscalerPressure(b) - autoscalerPressure(a));
  const images: ImageTagView[] = [];
  const seenTags = new Set<string>();
  for (const workload of workloads) {
    for (const image of workload.images) {
      const key = `${image.container}|${image.tag}`;
      if (seenTags.has(key)) continue;
      seenTags.add(key);
      const drifted = findDrift(
        drift,
        cluster.cluster.name,
        workload,
        image.container,
      );
      images.push({
        workload: workload.name,
        container: image.container,
        tag: image.tag,
        image: image.image,
        drift: drifted ? { tagsByCluster: drifted.tagsByCluster } : undefined,
      });
    }
  }
  images.sort((a, b) => Number(Boolean(b.drift)) - Number(Boolean(a.drift)));
  const problems = clusterProblems(cluster);
  return {
    ready: workloads.reduce((n, w) => n + w.replicas.ready, 0),
    desired: workloads.reduce((n, w) => n + w.replicas.desired, 0),
    autoscaler: autoscalers[0],
    restartsLastHour: workloads.reduce((n, w) => n + w.restarts.lastHour, 0),
    images,
    topProblem: problems[0],
    problemCount: problems.length,
  };
}

/** How close an autoscaler is to its maximum: at max, near max (one replica left or 80 %), or fine. */
export function autoscalerLevel(
  a: AutoscalerSummary,
): 'atMax' | 'nearMax' | 'ok' {
  if (a.currentReplicas >= a.maxReplicas) return 'atMax';
  if (a.headroom <= 1 || autoscalerPressure(a) >= 0.8) return 'nearMax';
  return 'ok';
}

/** A stable key for a workload across clusters. */
export function workloadKey(
  w: Pick<WorkloadSummary, 'kind' | 'namespace' | 'name'>,
): string {
  return `${w.kind}/${w.namespace}/${w.name}`;
}
