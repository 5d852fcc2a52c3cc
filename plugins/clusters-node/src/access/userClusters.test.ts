import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { ViewerRequestAuth } from '../auth/authMode';
import { DefaultClustersService } from '../DefaultClustersService';
import { builtInAuthStrategies } from '../registry/builtInAuthStrategies';
import { configuredClusterSuppliers } from '../registry/configuredClusterSuppliers';
import { checkClusterConfig } from '../registry/checkClusterConfig';

const clusters = [
  {
    name: 'shared',
    url: 'https://127.0.0.1:1',
    authProvider: 'serviceAccount',
    serviceAccountToken: 'service-token',
  },
  {
    name: 'mine',
    url: 'https://127.0.0.1:2',
    authProvider: 'oidc',
    oidcTokenProvider: 'okta',
  },
  {
    name: 'unset',
    url: 'https://127.0.0.1:3',
    authProvider: 'oidc',
    oidcTokenProvider: 'okta',
  },
];

function configWith(kubeplatformClusters: Array<Record<string, any>>) {
  return new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [{ type: 'config', clusters }],
    },
    kubeplatform: { clusters: kubeplatformClusters as any },
  });
}

const config = configWith([
  {
    name: 'mine',
    cacheCredential: {
      authProvider: 'serviceAccount',
      serviceAccountToken: 'cache-token',
    },
  },
]);

describe('user-level clusters', () => {
  const registry = DefaultClustersService.fromConfig(
    config,
    mockServices.logger.mock(),
  );

  it('are read by the watch cache with their cacheCredential', async () => {
    const kc = await registry.getKubeConfig('mine');
    expect(kc.getCurrentUser()?.token).toBe('cache-token');
  });

  it('without a cacheCredential, say which key to set', async () => {
    await expect(registry.getKubeConfig('unset')).rejects.toThrow(
      "cluster 'unset' uses authProvider 'oidc' (user mode): the watch cache reads it with a service credential, and none is configured; set kubeplatform.clusters[].cacheCredential for 'unset'",
    );
  });

  it("give the viewer's own credential, computed by upstream's strategy", async () => {
    const kc = await registry.getViewerKubeConfig('mine', {
      oidc: { okta: 'alice-id-token' },
    });
    expect(kc?.getCurrentUser()?.token).toBe('alice-id-token');
    expect(kc?.getCurrentCluster()?.server).toBe('https://127.0.0.1:2');
  });

  it('refuse a viewer without a token, naming the provider and no token', async () => {
    const auths: ViewerRequestAuth[] = [
      {},
      { oidc: { okta: '' } },
      { oidc: { other: 't' } },
    ];
    for (const auth of auths) {
      await expect(registry.getViewerKubeConfig('mine', auth)).rejects.toThrow(
        "no oidc (okta) token was sent for cluster 'mine'; sign in with that provider to see it",
      );
    }
  });

  it("name the viewer's provider in their identity (names only, never a token)", async () => {
    const listed = await registry.listClusters();
    expect(listed.find(c => c.name === 'mine')).toMatchObject({
      authMode: 'user',
      authProvider: 'oidc',
      oidcTokenProvider: 'okta',
    });
    const shared = listed.find(c => c.name === 'shared')!;
    expect(shared.authMode).toBe('service');
    expect(shared).not.toHaveProperty('authProvider');
    expect(JSON.stringify(listed)).not.toContain('token');
  });

  it('service-level clusters have no viewer credential', async () => {
    await expect(
      registry.getViewerKubeConfig('shared', { oidc: { okta: 't' } }),
    ).resolves.toBeUndefined();
  });
});

describe('startup checks of cache credentials', () => {
  const check = async (kubeplatformClusters: Array<Record<string, any>>) => {
    const c = configWith(kubeplatformClusters);
    const logger = mockServices.logger.mock();
    await checkClusterConfig(
      c,
      configuredClusterSuppliers(c),
      builtInAuthStrategies({ config: c }),
      logger,
    );
    return logger;
  };

  it('log one error naming each user-level cluster without one; the backend starts', async () => {
    const logger = await check([]);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toContain(
      "'mine' (set kubeplatform.clusters[name=mine].cacheCredential), 'unset' (set kubeplatform.clusters[name=unset].cacheCredential)",
    );
  });

  it('stop the backend on a user-level or unknown cacheCredential provider, naming the key', async () => {
    await expect(
      check([{ name: 'mine', cacheCredential: { authProvider: 'google' } }]),
    ).rejects.toThrow(
      "kubeplatform.clusters[name=mine].cacheCredential.authProvider: cluster 'mine' names 'google', a user-level authProvider",
    );
    await expect(
      check([{ name: 'mine', cacheCredential: { authProvider: 'nope' } }]),
    ).rejects.toThrow('for which no auth strategy is installed');
  });
});
