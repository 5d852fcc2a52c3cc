import {
  BackendFeature,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ClusterAuthStrategy,
  ClustersAuthStrategyExtensionPoint,
  clustersAuthStrategyExtensionPoint,
  ClustersService,
  clustersServiceRef,
  ClustersSupplierExtensionPoint,
  clustersSupplierExtensionPoint,
} from '@kubeplatform/clusters-node';
import { oneClusterSupplier } from '@kubeplatform/clusters-node/testUtils';
import { clustersPlugin } from './plugin';

const config = {
  kubernetes: {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'from-config',
            url: 'https://127.0.0.1:1',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'config-token',
          },
          {
            name: 'custom',
            url: 'https://127.0.0.1:2',
            authProvider: 'vault',
          },
        ],
      },
    ],
  },
  // No watch traffic to the fake clusters while the tests run.
  kubeplatform: { watchCache: { healthCheckSeconds: 0 } },
};

const tokenStrategy = (token: string): ClusterAuthStrategy => ({
  getCredential: async () => ({ type: 'bearer token', token }),
  validateCluster: () => [],
});

/** A plugin that only reads clusters, as multicluster or devenv do. */
function reader(found: { clusters?: ClustersService }) {
  return createBackendPlugin({
    pluginId: 'reader',
    register(env) {
      env.registerInit({
        deps: { clusters: clustersServiceRef },
        async init({ clusters }) {
          found.clusters = clusters;
        },
      });
    },
  });
}

/** A module of the clusters plugin that uses its extension points at init. */
function clustersModule(
  moduleId: string,
  use: (points: {
    auth: ClustersAuthStrategyExtensionPoint;
    suppliers: ClustersSupplierExtensionPoint;
  }) => void,
) {
  return createBackendModule({
    pluginId: 'clusters',
    moduleId,
    register(env) {
      env.registerInit({
        deps: {
          auth: clustersAuthStrategyExtensionPoint,
          suppliers: clustersSupplierExtensionPoint,
        },
        async init(points) {
          use(points);
        },
      });
    },
  });
}

const authModule = (moduleId: string, authProvider: string, token: string) =>
  clustersModule(moduleId, ({ auth }) =>
    auth.addAuthStrategy(authProvider, tokenStrategy(token)),
  );

const base = [
  mockServices.rootConfig.factory({ data: config }),
  catalogServiceMock.factory({ entities: [] }),
];

/** Starts a backend with `features` and a reader; `run` gets what the reader sees, then it stops. */
async function withReader(
  features: BackendFeature[],
  run: (clusters: ClustersService) => Promise<void>,
) {
  const found: { clusters?: ClustersService } = {};
  const backend = await startTestBackend({
    features: [reader(found), ...features, ...base],
  });
  try {
    await run(found.clusters!);
  } finally {
    await backend.stop();
  }
}

describe('clustersPlugin', () => {
  it('configures the clusters service with the strategies modules add, for every reader', async () => {
    await withReader(
      [clustersPlugin, authModule('vault', 'vault', 'from-vault')],
      async clusters => {
        expect((await clusters.listClusters()).map(c => c.name)).toEqual([
          'from-config',
          'custom',
        ]);
        const kc = await clusters.getKubeConfig('custom');
        expect(kc.getCurrentUser()?.token).toBe('from-vault');
        expect(clusters).not.toHaveProperty('configure');
        expect(clusters).not.toHaveProperty('addAuthStrategy');
      },
    );
  });

  it('lets a module wrap a built-in strategy through a factory', async () => {
    const seen: string[] = [];
    const wrapping = clustersModule('recording', ({ auth }) =>
      auth.addAuthStrategy('serviceAccount', ({ getDefault }) => {
        const builtIn = getDefault();
        return {
          validateCluster: m => builtIn.validateCluster(m),
          getCredential: async cluster => {
            seen.push(cluster.name);
            return builtIn.getCredential(cluster);
          },
        };
      }),
    );
    await withReader(
      [clustersPlugin, wrapping, authModule('vault', 'vault', 'from-vault')],
      async clusters => {
        const kc = await clusters.getKubeConfig('from-config');
        expect(kc.getCurrentUser()?.token).toBe('config-token');
        expect(seen).toContain('from-config');
      },
    );
  });

  it('fails startup when two modules register the same authProvider, naming the point and the key', async () => {
    await expect(
      startTestBackend({
        features: [
          clustersPlugin,
          authModule('vault-a', 'vault', 'a'),
          authModule('vault-b', 'vault', 'b'),
          ...base,
        ],
      }),
    ).rejects.toThrow(
      /kubeplatform\.clusters\.auth-strategy: an auth strategy for authProvider 'vault' is already registered/,
    );
  });

  it('fails startup when the built-in cluster sources are replaced twice', async () => {
    const replacing = (moduleId: string) =>
      clustersModule(moduleId, ({ suppliers }) =>
        suppliers.setClusterSuppliers(({ getDefaults }) => getDefaults()),
      );
    await expect(
      startTestBackend({
        features: [clustersPlugin, replacing('one'), replacing('two'), ...base],
      }),
    ).rejects.toThrow(
      /kubeplatform\.clusters\.supplier: setClusterSuppliers was already called/,
    );
  });

  it('adds and replaces cluster sources from modules', async () => {
    const sources = clustersModule('sources', ({ suppliers }) => {
      suppliers.setClusterSuppliers(({ getDefaults }) =>
        getDefaults().filter(s => s.name === 'config'),
      );
      suppliers.addClusterSupplier(
        oneClusterSupplier({
          name: 'extra',
          url: 'https://127.0.0.1:3',
          source: 'config',
        }),
      );
    });
    await withReader(
      [clustersPlugin, sources, authModule('vault', 'vault', 'from-vault')],
      async clusters => {
        expect((await clusters.listClusters()).map(c => c.name)).toEqual([
          'from-config',
          'custom',
          'extra',
        ]);
      },
    );
  });

  it('without the clusters plugin, readers get the defaults at startup and one warning', async () => {
    const logger = mockServices.rootLogger.mock();
    const warnings: string[] = [];
    logger.child.mockReturnValue(logger);
    logger.warn.mockImplementation(message => {
      warnings.push(message);
    });
    await withReader([logger.factory], async clusters => {
      expect((await clusters.listClusters()).map(c => c.name)).toEqual([
        'from-config',
        'custom',
      ]);
      expect(warnings.filter(w => w.includes('clusters plugin'))).toHaveLength(
        1,
      );
    });
  });
});
