import { KubeConfig } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import type { EnvironmentClusters } from '../provisioner/EnvironmentProvisioner';

/**
 * A clusters registry over the real local fleet, with admin credentials (test helper only;
 * the backend gets its clusters from the clusters service).
 */
export function fleetClusters(
  fleet: LocalFleet,
  overrides: Record<string, () => KubeConfig> = {},
): EnvironmentClusters {
  const details = fleet.clusters.map(c => ({
    name: c.name,
    title: c.title,
    region: c.region,
    environment: c.environment,
    url: c.server,
    source: 'kubeconfig' as const,
  }));
  return {
    listClusters: async () => details,
    getCluster: async name => details.find(d => d.name === name),
    getKubeConfig: async name =>
      overrides[name]?.() ?? fleet.cluster(name).kubeConfig(),
  };
}

export { loadLocalFleet };

/** A name no earlier run used, so tests never collide with leftovers. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(
    Math.random() * 1e4,
  ).toString(36)}`;
}
