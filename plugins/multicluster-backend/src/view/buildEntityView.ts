import {
  ClusterView,
  compareProblems,
  EntityView,
  EntityViewExplanation,
  HealthState,
  VersionDrift,
  TrimmedPod,
  WorkloadSummary,
} from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { EntityQuery } from '../entities/entityQuery';
import { entityCustomResources } from './customResources';
import { findWorkloads, selectObjects } from './findEntityObjects';
import { healthOfProblems, healthRank, worstHealth } from './health';
import {
  entityServiceProblems,
  namespaceQuotaProblems,
} from './networkAndQuotas';
import {
  cacheProblems,
  podUsages,
  restartBaselines,
  summariseWorkload,
} from './summariseWorkload';

export function buildClusterView(
  reader: CacheReader,
  query: EntityQuery,
  now: Date,
): ClusterView {
  const sync = reader.status(now.getTime());
  const workloads: WorkloadSummary[] = [];
  const workloadPods = new Set<TrimmedPod>();
  for (const workload of findWorkloads(reader, query)) {
    const { summary, pods } = summariseWorkload(reader, workload, now);
    workloads.push(summary);
    pods.forEach(p => workloadPods.add(p));
  }
  // Labelled pods without a workload of the entity (bare pods) still count for problems.
  const orphans = selectObjects(reader, 'pods', query).filter(
    pod => !workloadPods.has(pod),
  );
  const orphanProblems = cacheProblems(
    reader,
    {
      pods: orphans,
      restartSamples: restartBaselines(reader, orphans, now),
      podUsage: podUsages(reader, orphans),
    },
    now,
  );

  workloads.sort(
    (a, b) =>
      healthRank(b.health) - healthRank(a.health) ||
      a.name.localeCompare(b.name),
  );
  const custom = entityCustomResources(reader, query, now);
  // Services, quotas and custom resources are not one workload's: their problems belong to the cluster.
  const sharedProblems = [
    ...orphanProblems,
    ...custom.problems,
    ...entityServiceProblems(reader, query, now),
    ...namespaceQuotaProblems(
      reader,
      workloads.map(w => w.namespace),
      now,
    ),
  ];
  const problems = [
    ...workloads.flatMap(w => w.problems),
    ...sharedProblems,
  ].sort(compareProblems);
  const dataHealth = worstHealth([
    ...workloads.map(w => w.health),
    healthOfProblems(sharedProblems),
  ]);
  // With no workloads and no current data, "healthy" would be a guess.
  const health: HealthState =
    workloads.length || sync.state === 'ok' ? dataHealth : 'unknown';
  const view: ClusterView = {
    cluster: reader.identity,
    sync,
    workloads,
    problems,
    health,
    metrics: reader.metricsStatus(),
  };
  if (custom.customResources.length)
    view.customResources = custom.customResources;
  return view;
}

/**
 * The entity's view across clusters. Clusters where the entity runs nothing are left out unless
 * their data is incomplete, because then the entity might run there unseen.
 */
export function buildEntityView(
  entityRef: string,
  readers: CacheReader[],
  query: EntityQuery | EntityViewExplanation,
  now: Date,
  clusterView: (
    reader: CacheReader,
    query: EntityQuery,
    now: Date,
  ) => ClusterView = buildClusterView,
): EntityView {
  if ('code' in query) {
    return {
      entityRef,
      generatedAt: now.toISOString(),
      health: 'unknown',
      incomplete: false,
      clusters: [],
      drift: [],
      explanation: query,
    };
  }
  const clusters = readers
    .map(reader => clusterView(reader, query, now))
    .filter(
      c =>
        c.workloads.length ||
        c.problems.length ||
        c.customResources?.length ||
        c.sync.state !== 'ok',
    );
  return {
    entityRef,
    generatedAt: now.toISOString(),
    health: worstHealth(
      clusters.map(c => c.health),
      clusters.length ? 'healthy' : 'unknown',
    ),
    incomplete: clusters.some(c => c.sync.state !== 'ok'),
    clusters,
    drift: findDrift(clusters),
  };
}

/** The same workload (kind, name, container) on different image tags in different clusters. */
export function findDrift(clusters: ClusterView[]): VersionDrift[] {
  const byKey = new Map<string, VersionDrift>();
  for (const cluster of clusters) {
    for (const w of cluster.workloads) {
      for (const image of w.images) {
        const key = `${w.kind}/${w.name}/${image.container}`;
        let drift = byKey.get(key);
        if (!drift) {
          drift = {
            kind: w.kind,
            name: w.name,
            container: image.container,
            tagsByCluster: {},
          };
          byKey.set(key, drift);
        }
        drift.tagsByCluster[cluster.cluster.name] ??= image.tag;
      }
    }
  }
  return [...byKey.values()].filter(
    d => new Set(Object.values(d.tagsByCluster)).size > 1,
  );
}
