import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterDetails } from '@kubeplatform/clusters-node';
import type { EnvironmentClusters } from '../provisioner/connectCluster';
import type { DevenvFleet } from './DevenvFleet';

/**
 * A cluster that is not part of the fleet, e.g. one that never answers.
 *
 * @public
 */
export interface ExtraTestCluster {
  details: ClusterDetails;
  kubeConfig(): KubeConfig;
}

/**
 * A clusters registry over the real local fleet, with admin credentials (test helper only;
 * the backend gets its clusters from the clusters service). `overrides` replace the
 * credentials of named clusters; `extra` clusters are listed after the fleet's.
 *
 * @public
 */
export function fleetClusters(
  fleet: DevenvFleet,
  overrides: Record<string, () => KubeConfig> = {},
  extra: ExtraTestCluster[] = [],
): EnvironmentClusters {
  const details: ClusterDetails[] = [
    ...fleet.clusters.map(c => ({
      name: c.name,
      title: c.title,
      region: c.region,
      environment: c.environment,
      url: c.server,
      source: 'kubeconfig' as const,
    })),
    ...extra.map(e => e.details),
  ];
  return {
    listClusters: async () => details,
    getCluster: async name => details.find(d => d.name === name),
    getKubeConfig: async name =>
      overrides[name]?.() ??
      extra.find(e => e.details.name === name)?.kubeConfig() ??
      fleet.cluster(name).kubeConfig(),
  };
}
