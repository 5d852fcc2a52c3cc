import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultClustersService } from '../DefaultClustersService';
import { ClusterSupplier } from '../types';
import { builtInAuthStrategies } from './builtInAuthStrategies';
import { configuredClusterSuppliers } from './configuredClusterSuppliers';

/** The registry reads `kubernetes.clusterLocatorContinueOnError` (semantics: gatherClusters). */

const failing: ClusterSupplier = {
  name: 'gke:p/-',
  getClusters: async () => {
    throw new Error('GKE unreachable');
  },
};

async function gatherWith(continueOnError?: boolean) {
  const config = new ConfigReader({
    kubernetes: {
      ...(continueOnError !== undefined && {
        clusterLocatorContinueOnError: continueOnError,
      }),
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            { name: 'eks', url: 'https://127.0.0.1:1', authProvider: 'aws' },
          ],
        },
      ],
    },
  });
  const logger = mockServices.logger.mock();
  const registry = DefaultClustersService.awaitingConfiguration(config, logger);
  registry.configure({
    suppliers: [...configuredClusterSuppliers(config), failing],
    authStrategies: builtInAuthStrategies({ config }),
  });
  return registry.gatherClusters();
}

describe('kubernetes.clusterLocatorContinueOnError', () => {
  it.each([undefined, true])(
    'unset or true (%p): a failing source marks only its own clusters stale',
    async value => {
      const { clusters, errors } = await gatherWith(value);
      expect(clusters.map(c => c.name)).toEqual(['eks']);
      expect(errors).toEqual([
        { source: 'gke:p/-', message: 'GKE unreachable', staleClusters: [] },
      ]);
    },
  );

  it('false: every cluster is served, marked stale with the failing source', async () => {
    const { clusters, errors } = await gatherWith(false);
    expect(clusters.map(c => c.name)).toEqual(['eks']);
    expect(errors).toEqual([
      {
        source: 'gke:p/-',
        message:
          'GKE unreachable; kubernetes.clusterLocatorContinueOnError is false, so every cluster is marked stale until this source answers',
        staleClusters: ['eks'],
      },
    ]);
  });
});
