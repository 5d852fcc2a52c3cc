import { ClusterView } from '@kubeplatform/clusters-common';
import { clusterRank, compareClusters } from './clusterStatus';

export interface RegionGroup {
  region: string;
  clusters: ClusterView[];
}

export interface EnvironmentGroup {
  environment: string;
  regions: RegionGroup[];
}

const environmentOrder: Record<string, number> = {
  production: 0,
  prod: 0,
  staging: 1,
  stage: 1,
  development: 2,
  dev: 2,
};

export const NO_ENVIRONMENT = 'other';
export const NO_REGION = 'no region';

function environmentRank(environment: string): number {
  if (environment === NO_ENVIRONMENT) return 4;
  return environmentOrder[environment.toLocaleLowerCase('en-US')] ?? 3;
}

function worst(clusters: ClusterView[]): number {
  return Math.min(...clusters.map(clusterRank));
}

/**
 * Groups clusters by environment (production, staging, development, then the others), then
 * by region. Regions inside an environment, and clusters inside a region, come worst first.
 */
export function groupClusters(clusters: ClusterView[]): EnvironmentGroup[] {
  const byEnvironment = new Map<string, Map<string, ClusterView[]>>();
  for (const cluster of clusters) {
    const environment = cluster.cluster.environment || NO_ENVIRONMENT;
    const region = cluster.cluster.region || NO_REGION;
    const regions =
      byEnvironment.get(environment) ?? new Map<string, ClusterView[]>();
    byEnvironment.set(environment, regions);
    regions.set(region, [...(regions.get(region) ?? []), cluster]);
  }
  return [...byEnvironment.entries()]
    .map(([environment, regions]) => ({
      environment,
      regions: [...regions.entries()]
        .map(([region, members]) => ({
          region,
          clusters: [...members].sort(compareClusters),
        }))
        .sort(
          (a, b) =>
            worst(a.clusters) - worst(b.clusters) ||
            a.region.localeCompare(b.region),
        ),
    }))
    .sort(
      (a, b) =>
        environmentRank(a.environment) - environmentRank(b.environment) ||
        a.environment.localeCompare(b.environment),
    );
}

/** Clusters in the order the matrix and the card show them. */
export function orderedClusters(clusters: ClusterView[]): ClusterView[] {
  return groupClusters(clusters).flatMap(env =>
    env.regions.flatMap(r => r.clusters),
  );
}
