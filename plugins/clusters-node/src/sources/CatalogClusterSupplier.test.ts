import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogClusterSupplier } from './CatalogClusterSupplier';
import { validateClusterApiServerUrl } from './validateClusterApiServerUrl';

function clusterEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      title: `Cluster ${name}`,
      annotations: {
        'kubernetes.io/api-server-certificate-authority': 'Q0E=',
        'kubernetes.io/auth-provider': 'oidc',
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'platform' },
  };
}

function supplier(entities: Entity[], method: object = {}) {
  return CatalogClusterSupplier.fromConfig(
    new ConfigReader({
      kubernetes: { clusterLocatorMethods: [{ type: 'catalog', ...method }] },
    }),
    {
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    },
  )!;
}

describe('validateClusterApiServerUrl', () => {
  it.each([
    ['https://10.0.0.1', /non-public IP/],
    ['https://127.0.0.1:6443', /non-public IP/],
    ['https://169.254.169.254/latest/meta-data', /non-public IP/],
    ['https://[::1]', /non-public IP/],
    ['https://[::ffff:192.168.0.1]', /non-public IP/],
    ['http://8.8.8.8', /HTTPS scheme/],
    ['ftp://8.8.8.8', /HTTP or HTTPS/],
    ['https://user:pw@8.8.8.8', /credentials/],
    ['not a url', /not a valid URL/],
    ['https://localhost', /non-public address/],
  ])('refuses %s', async (url, message) => {
    await expect(validateClusterApiServerUrl(url)).rejects.toThrow(message);
  });

  it('accepts a public IP, and private hosts only when allow-listed', async () => {
    await expect(
      validateClusterApiServerUrl('https://8.8.8.8:443'),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      validateClusterApiServerUrl('http://127.0.0.1:6443', ['127.0.0.1']),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      validateClusterApiServerUrl('https://api.k8s.internal', [
        '*.k8s.internal',
      ]),
    ).resolves.toBeInstanceOf(URL);
  });
});

describe('CatalogClusterSupplier', () => {
  it('reads kubernetes-cluster Resources and refuses serviceAccount and private URLs', async () => {
    const clusters = await supplier([
      clusterEntity('public', {
        'kubernetes.io/api-server': 'https://8.8.8.8',
      }),
      clusterEntity('private', {
        'kubernetes.io/api-server': 'https://10.1.2.3',
      }),
      clusterEntity('metadata', {
        'kubernetes.io/api-server': 'https://169.254.169.254',
      }),
      clusterEntity('sa', {
        'kubernetes.io/api-server': 'https://8.8.4.4',
        'kubernetes.io/auth-provider': 'serviceAccount',
      }),
    ]).getClusters();
    expect(clusters.map(c => c.name)).toEqual(['public']);
    expect(clusters[0]).toMatchObject({
      source: 'catalog',
      title: 'Cluster public',
      url: 'https://8.8.8.8',
      authProvider: 'oidc',
      caData: 'Q0E=',
      skipTLSVerify: false,
    });
  });

  it('accepts allow-listed hosts and honours skip-tls-verify only when allowed', async () => {
    const entities = [
      clusterEntity('local', {
        'kubernetes.io/api-server': 'https://127.0.0.1:6443',
        'kubernetes.io/skip-tls-verify': 'true',
      }),
    ];
    const strict = await supplier(entities, {
      dangerouslyAllowClusterUrls: ['127.0.0.1'],
    }).getClusters();
    expect(strict[0].skipTLSVerify).toBe(false);
    const lax = await supplier(entities, {
      dangerouslyAllowClusterUrls: ['127.0.0.1'],
      dangerouslyAllowSkipTLSVerify: true,
    }).getClusters();
    expect(lax[0].skipTLSVerify).toBe(true);
  });

  it('is absent without a catalog locator method', () => {
    expect(
      CatalogClusterSupplier.fromConfig(new ConfigReader({}), {
        catalog: catalogServiceMock(),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      }),
    ).toBeUndefined();
  });
});
