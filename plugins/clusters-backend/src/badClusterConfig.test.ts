import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { clustersPlugin } from './plugin';

/**
 * Bad cluster config stops the backend at startup with the cluster and the key named, never a
 * crash on first use. (The checks themselves: clusters-node's validateConfiguredClusters.test.ts.)
 */

const cluster = (extra: object) => ({
  name: 'prod',
  url: 'https://127.0.0.1:1',
  ...extra,
});

function startWith(clusterLocatorMethods: object[]) {
  return startTestBackend({
    features: [
      clustersPlugin,
      mockServices.rootConfig.factory({
        data: {
          kubernetes: { clusterLocatorMethods },
          kubeplatform: { watchCache: { healthCheckSeconds: 0 } },
        },
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
}

describe('the clusters plugin refuses to start on bad cluster config', () => {
  it.each([
    [
      'an unknown authProvider',
      [{ type: 'config', clusters: [cluster({ authProvider: 'nope' })] }],
      "kubernetes.clusterLocatorMethods[0].clusters[0].authProvider: cluster 'prod' uses authProvider 'nope', for which no auth strategy is installed",
    ],
    [
      'a missing serviceAccount token outside a cluster',
      [
        {
          type: 'config',
          clusters: [cluster({ authProvider: 'serviceAccount' })],
        },
      ],
      "kubernetes.clusterLocatorMethods[0].clusters[0]: cluster 'prod': serviceAccountToken is missing for authProvider serviceAccount",
    ],
    [
      'an unreadable CA file',
      [
        {
          type: 'config',
          clusters: [
            cluster({
              authProvider: 'aws',
              caFile: '/nonexistent/kubeplatform-ca.crt',
            }),
          ],
        },
      ],
      "kubernetes.clusterLocatorMethods[0].clusters[0].caFile: cluster 'prod': the CA file '/nonexistent/kubeplatform-ca.crt' cannot be read",
    ],
    [
      'two clusters with one name',
      [
        {
          type: 'config',
          clusters: [
            cluster({ authProvider: 'aws' }),
            cluster({ authProvider: 'aws' }),
          ],
        },
      ],
      "kubernetes.clusterLocatorMethods[0].clusters[1].name: Duplicate cluster name 'prod', already defined at kubernetes.clusterLocatorMethods[0].clusters[0]",
    ],
    [
      'a gke locator with an unknown endpointType',
      [{ type: 'gke', projectId: 'p', endpointType: 'private' }],
      "kubernetes.clusterLocatorMethods[0]: Invalid endpointType 'private', must be one of: public, dns",
    ],
  ])('%s', async (_case, methods, message) => {
    await expect(startWith(methods)).rejects.toThrow(message);
  });
});
