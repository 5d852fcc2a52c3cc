import type {
  ClusterView,
  EntityView,
  WorkloadSummary,
} from '@kubeplatform/clusters-common';

/**
 * Entity views shaped like the multicluster backend's answers for the demo fleet: checkout runs
 * in dev-eu and prod-us; prod-us is unhealthy.
 */
function deployment(
  namespace: string,
  image: string,
  health: WorkloadSummary['health'],
): WorkloadSummary {
  return {
    kind: 'Deployment',
    namespace,
    name: 'checkout',
    replicas: { desired: 3, ready: 3, updated: 3, available: 3 },
    images: [{ container: 'checkout', image, tag: image.split(':')[1] }],
    conditions: [],
    restarts: { total: 0, lastHour: 0 },
    podPhases: { Running: 3 },
    health,
    problems: [],
  };
}

const syncedAt = '2026-11-22T14:00:00.000Z';

export const devEuCheckout: ClusterView = {
  cluster: {
    name: 'dev-eu',
    title: 'dev-eu',
    region: 'eu-west-1',
    environment: 'development',
  },
  sync: { state: 'ok', lastSyncedAt: syncedAt, ageSeconds: 0 },
  workloads: [
    deployment(
      'checkout',
      'registry.example.com/shop/checkout:1.5.0-rc.1',
      'healthy',
    ),
  ],
  problems: [],
  health: 'healthy',
};

export const prodUsCheckout: ClusterView = {
  cluster: {
    name: 'prod-us',
    title: 'prod-us',
    region: 'us-east-1',
    environment: 'production',
  },
  sync: { state: 'ok', lastSyncedAt: syncedAt, ageSeconds: 0 },
  workloads: [
    deployment('checkout', 'registry.example.com/shop/checkout:1.4.2', 'error'),
  ],
  problems: [],
  health: 'error',
};

export const unreachableCluster: ClusterView = {
  cluster: {
    name: 'staging-ap',
    region: 'ap-southeast-1',
    environment: 'staging',
  },
  sync: {
    state: 'unreachable',
    reason: 'connect ECONNREFUSED 127.0.0.1:16445',
  },
  workloads: [],
  problems: [],
  health: 'unknown',
};

export function view(entityRef: string, clusters: ClusterView[]): EntityView {
  return {
    entityRef,
    generatedAt: syncedAt,
    health: clusters.some(c => c.health === 'error') ? 'error' : 'healthy',
    incomplete: clusters.some(c => c.sync.state !== 'ok'),
    clusters,
    drift: [],
  };
}
