import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultClustersService } from '../DefaultClustersService';

const config = new ConfigReader({
  kubernetes: {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'shared',
            url: 'https://127.0.0.1:1',
            authProvider: 'serviceAccount',
            serviceAccountToken: 't',
          },
          {
            name: 'mine',
            url: 'https://127.0.0.1:2',
            authProvider: 'oidc',
            oidcTokenProvider: 'okta',
          },
        ],
      },
    ],
  },
});

describe('the auth mode of each listed cluster', () => {
  it('is service for a backend credential and user for a viewer-level provider', async () => {
    const clusters = DefaultClustersService.fromConfig(
      config,
      mockServices.logger.mock(),
    );
    const modes = (await clusters.listClusters()).map(c => [
      c.name,
      c.authMode,
    ]);
    expect(modes).toEqual([
      ['shared', 'service'],
      ['mine', 'user'],
    ]);
    expect((await clusters.getCluster('mine'))?.authMode).toBe('user');
  });
});
