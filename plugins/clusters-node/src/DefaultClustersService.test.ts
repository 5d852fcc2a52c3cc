import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { DefaultClustersService } from './DefaultClustersService';
import { builtInAuthStrategies } from './registry/builtInAuthStrategies';
import { configuredClusterSuppliers } from './registry/configuredClusterSuppliers';
import { ClusterAuthStrategy, ClusterSupplier } from './types';
import { oneClusterSupplier } from './testUtils';

const TOKEN = 'secret-token-do-not-leak';

function serviceFor(config: object) {
  return DefaultClustersService.fromConfig(
    new ConfigReader(config),
    mockServices.logger.mock(),
  );
}

/** A registry configured the way the clusters plugin does, with extra sources and strategies. */
function configuredWith(
  config: object,
  extra: {
    suppliers?: ClusterSupplier[];
    authStrategies?: Record<string, ClusterAuthStrategy>;
  },
) {
  const reader = new ConfigReader(config);
  const service = DefaultClustersService.awaitingConfiguration(
    reader,
    mockServices.logger.mock(),
  );
  service.configure({
    suppliers: [
      ...configuredClusterSuppliers(reader),
      ...(extra.suppliers ?? []),
    ],
    authStrategies: new Map([
      ...builtInAuthStrategies(),
      ...Object.entries(extra.authStrategies ?? {}),
    ]),
  });
  return service;
}

const baseConfig = {
  kubernetes: {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'prod-us',
            title: 'Production',
            url: 'https://127.0.0.1:6443',
            authProvider: 'serviceAccount',
            serviceAccountToken: TOKEN,
            caData: Buffer.from('not-a-real-ca').toString('base64'),
            dashboardUrl: 'https://dash.example/prod-us',
          },
          {
            name: 'dev-eu',
            url: 'https://127.0.0.1:7443',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'other',
            skipTLSVerify: true,
          },
        ],
      },
    ],
  },
  kubeplatform: {
    clusters: [
      {
        name: 'prod-us',
        region: 'us-east-1',
        environment: 'production',
        namespaces: ['checkout', 'payments'],
      },
    ],
  },
};

describe('DefaultClustersService', () => {
  it('reads clusterLocatorMethods config clusters and merges kubeplatform.clusters metadata', async () => {
    const service = serviceFor(baseConfig);
    const clusters = await service.listClusters();
    expect(clusters).toEqual([
      {
        name: 'prod-us',
        title: 'Production',
        url: 'https://127.0.0.1:6443',
        source: 'config',
        region: 'us-east-1',
        environment: 'production',
        namespaces: ['checkout', 'payments'],
        dashboardUrl: 'https://dash.example/prod-us',
        authMode: 'service',
      },
      expect.objectContaining({ name: 'dev-eu', namespaces: undefined }),
    ]);
    expect(JSON.stringify(clusters)).not.toContain(TOKEN);
    expect(await service.getCluster('nope')).toBeUndefined();
  });

  it('builds a KubeConfig with the service account token', async () => {
    const kc = await serviceFor(baseConfig).getKubeConfig('prod-us');
    expect(kc.getCurrentCluster()?.server).toBe('https://127.0.0.1:6443');
    expect(kc.getCurrentUser()?.token).toBe(TOKEN);
    const dev = await serviceFor(baseConfig).getKubeConfig('dev-eu');
    expect(dev.getCurrentCluster()?.skipTLSVerify).toBe(true);
  });

  it('throws NotFoundError for an unknown cluster', async () => {
    await expect(
      serviceFor(baseConfig).getKubeConfig('nope'),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('refuses a cluster configured twice in one locator, like upstream', () => {
    const cluster = baseConfig.kubernetes.clusterLocatorMethods[0].clusters[0];
    expect(() =>
      serviceFor({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'config', clusters: [cluster, cluster] },
          ],
        },
      }),
    ).toThrow("Duplicate cluster name 'prod-us'");
  });

  it('keeps the first definition when two sources name the same cluster', async () => {
    const cluster = baseConfig.kubernetes.clusterLocatorMethods[0].clusters[0];
    const service = serviceFor({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'config', clusters: [cluster] },
          {
            type: 'config',
            clusters: [{ ...cluster, url: 'https://10.0.0.1' }],
          },
        ],
      },
    });
    const clusters = await service.listClusters();
    expect(clusters.map(c => c.url)).toEqual(['https://127.0.0.1:6443']);
  });

  it('requires an auth provider, like upstream', () => {
    expect(() =>
      serviceFor({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [{ name: 'x', url: 'https://1.2.3.4' }],
            },
          ],
        },
      }),
    ).toThrow(/has no auth provider configured/);
  });

  it('rejects invalid namespaces in kubeplatform.clusters', () => {
    expect(() =>
      serviceFor({
        kubeplatform: { clusters: [{ name: 'x', namespaces: ['Bad_NS'] }] },
      }),
    ).toThrow(/invalid namespace 'Bad_NS'/);
  });

  it('uses an added auth strategy, and errors without echoing secrets when none fits', async () => {
    const config = {
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              { name: 'vault', url: 'https://1.2.3.4', authProvider: 'vault' },
            ],
          },
        ],
      },
    };
    await expect(serviceFor(config).getKubeConfig('vault')).rejects.toThrow(
      /no auth strategy is installed/,
    );
    const service = configuredWith(config, {
      authStrategies: {
        vault: {
          getCredential: async () => ({
            type: 'bearer token',
            token: 'from-vault',
          }),
          validateCluster: () => [],
        },
      },
    });
    expect((await service.getKubeConfig('vault')).getCurrentUser()?.token).toBe(
      'from-vault',
    );
  });

  it('includes clusters from added suppliers and survives a failing one', async () => {
    const service = configuredWith(baseConfig, {
      suppliers: [
        {
          name: 'broken',
          getClusters: async () => {
            throw new Error('catalog down');
          },
        },
        oneClusterSupplier({
          name: 'extra',
          url: 'https://1.2.3.4',
          source: 'catalog',
        }),
      ],
    });
    const names = (await service.listClusters()).map(c => c.name);
    expect(names).toEqual(['prod-us', 'dev-eu', 'extra']);
  });

  it('reports a failing source as data and keeps serving its last answer', async () => {
    let catalogUp = true;
    const catalog: ClusterSupplier = {
      name: 'catalog',
      getClusters: async () => {
        if (!catalogUp) throw new Error('catalog unreachable');
        return [
          {
            name: 'from-catalog',
            url: 'https://1.2.3.4',
            source: 'catalog',
            authProvider: 'serviceAccount',
            authMetadata: { serviceAccountToken: 't' },
            // Listed in the catalog locator's credentialUrls: otherwise no token is sent to it.
            credentialsTrusted: true,
          },
        ];
      },
    };
    const service = configuredWith(baseConfig, { suppliers: [catalog] });
    expect(await service.gatherClusters()).toEqual({
      clusters: expect.arrayContaining([
        expect.objectContaining({ name: 'from-catalog' }),
      ]),
      errors: [],
    });

    catalogUp = false;
    const broken = await service.gatherClusters();
    expect(broken.errors).toEqual([
      {
        source: 'catalog',
        message: 'catalog unreachable',
        staleClusters: ['from-catalog'],
      },
    ]);
    expect(broken.clusters.map(c => c.name)).toEqual([
      'prod-us',
      'dev-eu',
      'from-catalog',
    ]);
    expect(
      (await service.getKubeConfig('from-catalog')).getCurrentUser()?.token,
    ).toBe('t');

    catalogUp = true;
    expect((await service.gatherClusters()).errors).toEqual([]);
  });

  it('makes reads wait until it is configured', async () => {
    const reader = new ConfigReader(baseConfig);
    const service = DefaultClustersService.awaitingConfiguration(
      reader,
      mockServices.logger.mock(),
    );
    let listed: string[] | undefined;
    const reading = service.listClusters().then(clusters => {
      listed = clusters.map(c => c.name);
    });
    await new Promise(r => setTimeout(r, 20));
    expect(listed).toBeUndefined();
    expect(service.isConfigured()).toBe(false);

    service.configure({
      suppliers: configuredClusterSuppliers(reader),
      authStrategies: builtInAuthStrategies(),
    });
    await reading;
    expect(listed).toEqual(['prod-us', 'dev-eu']);
    expect(service.isConfigured()).toBe(true);
  });

  it('is configured once: a second configure throws', () => {
    const service = serviceFor(baseConfig);
    expect(() =>
      service.configure({ suppliers: [], authStrategies: new Map() }),
    ).toThrow(
      /already configured; only the clusters plugin \(@kubeplatform\/plugin-clusters-backend\) configures it/,
    );
  });
});
