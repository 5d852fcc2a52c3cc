import type { EntityView } from '@kubeplatform/clusters-common';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  ClusterWiring,
  FleetBackend,
  FleetBackendOptions,
  FleetCluster,
  fleetConfig,
  serviceEntity,
  startFleetBackend,
  TestEntity,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { multiclusterPlugin } from '../plugin';

/** The demo services of the local fleet; each is a component whose kubernetes-id is its name. */
export const DEMO_SERVICES = [
  'checkout',
  'payments',
  'catalog-api',
  'search',
  'notifications',
];

/** The demo services as catalog components. */
export const demoServiceEntities = (): TestEntity[] =>
  DEMO_SERVICES.map(name => serviceEntity(name));

/**
 * The multicluster plugin on a backend wired to the clusters of the local fleet (all of them
 * unless `clusters` says), with its watch cache synced (or `syncTimeoutMs` passed) before it is
 * returned.
 */
export async function startMulticlusterOnFleet(
  fleet: LocalFleet,
  options: {
    entities: TestEntity[];
    clusters?: FleetCluster[];
    /** The service account the backend acts as on every cluster; `reader` by default. */
    token?: ClusterWiring['token'];
    /** Root config next to the clusters, as `fleetConfig`'s `extra`. */
    config?: object;
    /** Upstream's keys beside the cluster locator (`serviceLocatorMethod`, `objectTypes`, …). */
    kubernetes?: object;
    permission?: FleetBackendOptions['permission'];
    catalog?: FleetBackendOptions['catalog'];
    /** Modules and service factories beside the multicluster plugin. */
    features?: FleetBackendOptions['features'];
    syncTimeoutMs?: number;
  },
): Promise<FleetBackend> {
  const config = fleetConfig(
    (options.clusters ?? fleet.clusters).map(cluster => ({
      cluster,
      token: options.token,
    })),
    options.config,
  );
  const backend = await startFleetBackend({
    features: [multiclusterPlugin, ...(options.features ?? [])],
    config: {
      ...config,
      kubernetes: { ...config.kubernetes, ...options.kubernetes },
    },
    entities: options.entities,
    permission: options.permission,
    catalog: options.catalog,
  });
  await backend.cache.start();
  await backend.cache.waitForSync(options.syncTimeoutMs ?? 20_000);
  return backend;
}

/** A GET of `path` under the backend's /api/multicluster. */
const getMulticluster = (backend: FleetBackend, path: string) =>
  fetch(`${backend.apiUrl('multicluster')}${path}`);

/**
 * For a test file: before all its tests, loads the local fleet, runs `beforeStart` and starts the
 * backend with `options`; after them, stops it and runs `afterStop`. The returned `fleet` and
 * `backend` are set from `beforeAll` on.
 */
export function multiclusterOnFleetForAll({
  beforeStart,
  afterStop,
  ...options
}: Parameters<typeof startMulticlusterOnFleet>[1] & {
  /** Readies the fleet for the file (scratch namespaces and objects) before the backend starts. */
  beforeStart?(fleet: LocalFleet): Promise<void>;
  /** Cleans up what `beforeStart` made; runs whenever the fleet was loaded. */
  afterStop?(fleet: LocalFleet): Promise<void>;
}) {
  const started = {
    /** The HTTP status of a GET of `path` under /api/multicluster. */
    statusOf: async (path: string) =>
      (await getMulticluster(started.backend, path)).status,
    /** The view of the component `name`, which must be answered with 200. */
    view: async (name: string) => {
      const res = await getMulticluster(
        started.backend,
        `/entities/component/default/${name}`,
      );
      expect(res.status).toBe(200);
      return (await res.json()) as EntityView;
    },
  } as {
    fleet: LocalFleet;
    backend: FleetBackend;
    statusOf(path: string): Promise<number>;
    view(name: string): Promise<EntityView>;
  };
  beforeAll(async () => {
    started.fleet = await loadLocalFleet();
    await beforeStart?.(started.fleet);
    started.backend = await startMulticlusterOnFleet(started.fleet, options);
  });
  afterAll(async () => {
    await started.backend?.stop();
    if (started.fleet) await afterStop?.(started.fleet);
  });
  return started;
}

/**
 * The name of a Running pod (not being deleted) of the demo service `kubernetesId` in `namespace`
 * of `cluster`, as the backend's watch cache holds it; throws when there is none.
 */
export function runningPodOf(
  backend: FleetBackend,
  cluster: string,
  namespace: string,
  kubernetesId: string,
): string {
  const pod = (backend.cache.get(cluster)?.list('pods', namespace) ?? []).find(
    p =>
      p.metadata?.labels?.['backstage.io/kubernetes-id'] === kubernetesId &&
      p.status?.phase === 'Running' &&
      !p.metadata?.deletionTimestamp,
  );
  if (!pod?.metadata?.name) throw new Error(`no running ${kubernetesId} pod`);
  return pod.metadata.name;
}
