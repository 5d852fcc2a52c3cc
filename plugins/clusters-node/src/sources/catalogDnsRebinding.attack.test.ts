import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DefaultClustersService } from '../DefaultClustersService';
import { kubernetesClusterEntity } from '../testUtils';
import { CatalogClusterSupplier } from './CatalogClusterSupplier';

// A rebinding name server: the first answer is public (it passes the SSRF check), every later
// answer points at the backend's own loopback.
jest.mock('node:dns/promises', () => {
  let answers = 0;
  return {
    lookup: jest.fn(async () => {
      answers += 1;
      return [
        { address: answers === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 },
      ];
    }),
  };
});

const entity = kubernetesClusterEntity('rebind', {
  'kubernetes.io/api-server': 'https://k8s.rebind.example:6443',
  'kubernetes.io/api-server-certificate-authority': 'Q0E=',
  'kubernetes.io/auth-provider': 'anonymousTest',
});

describe('catalog clusters and DNS rebinding', () => {
  it('attack: connects to the address that passed the SSRF check, not to a later DNS answer', async () => {
    const config = new ConfigReader({
      kubernetes: { clusterLocatorMethods: [{ type: 'catalog' }] },
    });
    const logger = mockServices.logger.mock();
    const service = DefaultClustersService.awaitingConfiguration(
      config,
      logger,
    );
    service.configure({
      suppliers: [
        CatalogClusterSupplier.fromConfig(config, {
          catalog: catalogServiceMock({ entities: [entity] }),
          auth: mockServices.auth(),
          logger,
        })!,
      ],
      authStrategies: new Map([
        [
          'anonymousTest',
          {
            getCredential: async () => ({ type: 'anonymous' as const }),
            validateCluster: () => [],
          },
        ],
      ]),
    });

    const cluster = (await service.getKubeConfig('rebind')).getCurrentCluster();
    // The connection goes to the checked address; TLS still verifies the cluster's own name.
    expect(new URL(cluster!.server).hostname).toBe('93.184.216.34');
    expect(new URL(cluster!.server).port).toBe('6443');
    expect(cluster!.tlsServerName).toBe('k8s.rebind.example');
    // What users see stays the cluster's name.
    expect((await service.getCluster('rebind'))?.url).toBe(
      'https://k8s.rebind.example:6443',
    );
  });
});
