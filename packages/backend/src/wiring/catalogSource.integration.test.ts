import { mockCredentials } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ClusterView, EntityView } from '@kubeplatform/clusters-common';
import multiclusterPlugin from '@kubeplatform/plugin-multicluster-backend';
import devenvPlugin from '@kubeplatform/plugin-devenv-backend';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  clusterResourceEntity,
  FleetBackend,
  fleetConfig,
  serviceEntity,
  startFleetBackend,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { authStrategyModule } from './__testUtils__/authStrategyModule';

/**
 * The catalog cluster source, registered by the clusters plugin: the clusters it supplies reach
 * every plugin, and when the catalog stops answering they stay in views, stale, with their data.
 */
jest.setTimeout(90_000);

const AUTH_PROVIDER = 'catalogClusterToken';

let fleet: LocalFleet;

/** The catalog holds no tokens: this module serves the local fleet's reader token. */
const catalogClusterAuth = authStrategyModule(
  'catalog-cluster-auth',
  AUTH_PROVIDER,
  () => ({
    validateCluster: () => [],
    getCredential: async cluster => ({
      type: 'bearer token',
      token: fleet.cluster(cluster.name).tokens.reader,
    }),
  }),
);

/** An in-memory catalog whose entity queries fail while `down` is set, as an outage would. */
function breakableCatalog(entities: Parameters<typeof catalogServiceMock>[0]) {
  const inMemory = catalogServiceMock(entities);
  const state = { down: false };
  const catalog = new Proxy(inMemory, {
    get(target, property, receiver) {
      if (property === 'getEntities' && state.down) {
        return async () => {
          throw new Error('connect ECONNREFUSED (catalog is down)');
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as CatalogService;
  return { catalog, state };
}

function configWithCatalogSource() {
  const prod = fleet.cluster('prod-us');
  const dev = [{ cluster: fleet.cluster('dev-eu') }];
  const base = fleetConfig(dev, {
    watchCache: {
      ...fleetConfig(dev).kubeplatform.watchCache,
      clusterRefreshSeconds: 1,
    },
    devenv: { reaper: { enabled: false } },
  });
  return {
    ...base,
    kubernetes: {
      clusterLocatorMethods: [
        ...base.kubernetes.clusterLocatorMethods,
        {
          type: 'catalog',
          dangerouslyAllowClusterUrls: [new URL(prod.server).hostname],
          // The module below sends the fleet's reader token: trusted with it, as listed here.
          credentialUrls: [new URL(prod.server).origin],
        },
      ],
    },
  };
}

beforeAll(async () => {
  fleet = await loadLocalFleet();
});

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(r => setTimeout(r, 200));
  }
}

describe('the catalog cluster source', () => {
  it('reaches the environment API without the multicluster plugin', async () => {
    const backend = await startFleetBackend({
      config: configWithCatalogSource(),
      entities: [
        clusterResourceEntity(fleet.cluster('prod-us'), AUTH_PROVIDER),
      ],
      features: [catalogClusterAuth, devenvPlugin],
    });
    try {
      const res = await fetch(`${backend.apiUrl('devenv')}/clusters`, {
        headers: {
          Authorization: mockCredentials.user.header('user:default/alice'),
        },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: Array<{ name: string }> };
      expect(body.items.map(c => c.name).sort()).toEqual(['dev-eu', 'prod-us']);
    } finally {
      await backend.stop();
    }
  });

  describe('when the catalog stops answering', () => {
    let backend: FleetBackend;
    let catalogState: { down: boolean };

    beforeAll(async () => {
      const { catalog, state } = breakableCatalog({
        entities: [
          serviceEntity('checkout'),
          clusterResourceEntity(fleet.cluster('prod-us'), AUTH_PROVIDER),
        ],
      });
      catalogState = state;
      backend = await startFleetBackend({
        config: configWithCatalogSource(),
        catalog,
        features: [catalogClusterAuth, multiclusterPlugin],
      });
      await backend.cache.start();
      await backend.cache.waitForSync(20_000);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    async function prodUs(): Promise<ClusterView | undefined> {
      const res = await fetch(
        `${backend.apiUrl('multicluster')}/entities/component/default/checkout`,
      );
      expect(res.status).toBe(200);
      const view = (await res.json()) as EntityView;
      return view.clusters.find(c => c.cluster.name === 'prod-us');
    }

    const checkoutIn = (cluster: ClusterView | undefined) =>
      cluster?.workloads.find(
        w => w.kind === 'Deployment' && w.name === 'checkout',
      );

    it('keeps its clusters in views, stale with their last data, and recovers', async () => {
      const before = await eventually(prodUs, c => c?.sync.state === 'ok');
      expect(before?.sync.state).toBe('ok');
      const checkoutBefore = checkoutIn(before);
      expect(checkoutBefore).toBeDefined();

      catalogState.down = true;
      const stale = await eventually(prodUs, c => c?.sync.state === 'stale');
      expect(stale?.sync.state).toBe('stale');
      expect(stale?.sync.reason).toContain("cluster source 'catalog'");
      expect(stale?.sync.reason).toContain('catalog is down');
      expect(checkoutIn(stale)).toMatchObject({
        namespace: checkoutBefore!.namespace,
        images: checkoutBefore!.images,
      });
      const gathered = await backend.clusters.gatherClusters();
      expect(gathered.errors).toEqual([
        expect.objectContaining({
          source: 'catalog',
          staleClusters: ['prod-us'],
        }),
      ]);
      expect(gathered.clusters.map(c => c.name).sort()).toEqual([
        'dev-eu',
        'prod-us',
      ]);

      catalogState.down = false;
      const recovered = await eventually(prodUs, c => c?.sync.state === 'ok');
      expect(recovered?.sync.state).toBe('ok');
      expect(checkoutIn(recovered)).toBeDefined();
      expect((await backend.clusters.gatherClusters()).errors).toEqual([]);
    });
  });
});
