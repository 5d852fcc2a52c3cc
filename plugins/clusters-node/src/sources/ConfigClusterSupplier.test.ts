import { ConfigReader } from '@backstage/config';
import { InClusterServiceAccount } from '../auth/InClusterServiceAccount';
import { ConfigClusterSupplier } from './ConfigClusterSupplier';

const notInCluster = InClusterServiceAccount.fromEnvironment({});

function clustersOf(locators: object[]) {
  return ConfigClusterSupplier.fromConfig(
    new ConfigReader({ kubernetes: { clusterLocatorMethods: locators } }),
    { inCluster: notInCluster },
  ).getClusters();
}

describe('ConfigClusterSupplier', () => {
  it("turns assumeRole, externalId and oidcTokenProvider into upstream's annotations", async () => {
    const [aws, oidc] = await clustersOf([
      {
        type: 'config',
        clusters: [
          {
            name: 'eks',
            url: 'https://eks.example.com',
            authProvider: 'aws',
            assumeRole: 'arn:aws:iam::123456789012:role/backstage',
            externalId: 'ext',
          },
          {
            name: 'okta',
            url: 'https://okta.example.com',
            authProvider: 'oidc',
            oidcTokenProvider: 'okta',
          },
        ],
      },
    ]);
    expect(aws.authMetadata).toEqual({
      'kubernetes.io/auth-provider': 'aws',
      'kubernetes.io/aws-assume-role':
        'arn:aws:iam::123456789012:role/backstage',
      'kubernetes.io/aws-external-id': 'ext',
    });
    expect(oidc.authMetadata).toMatchObject({
      'kubernetes.io/oidc-token-provider': 'okta',
    });
  });

  it('keeps the same name in two locators (the registry warns), as upstream', async () => {
    const cluster = {
      name: 'prod',
      url: 'https://1.2.3.4',
      authProvider: 'aws',
    };
    expect(
      (
        await clustersOf([
          { type: 'config', clusters: [cluster] },
          { type: 'config', clusters: [cluster] },
        ])
      ).map(c => c.name),
    ).toEqual(['prod', 'prod']);
  });

  it('needs a url unless the in-cluster account gives one', async () => {
    expect(() =>
      ConfigClusterSupplier.fromConfig(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [{ name: 'self', authProvider: 'serviceAccount' }],
              },
            ],
          },
        }),
        { inCluster: notInCluster },
      ),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[0].clusters[0].url: cluster 'self' has no url, and the backend does not run in a cluster (KUBERNETES_SERVICE_HOST is not set)",
    );
  });
});
