import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { kubernetesClusterEntity } from '../testUtils';
import { CatalogClusterSupplier } from './CatalogClusterSupplier';
import { validateClusterApiServerUrl } from './validateClusterApiServerUrl';
import { CredentialUrls } from './credentialUrls';

function clusterEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return kubernetesClusterEntity(
    name,
    {
      'kubernetes.io/api-server-certificate-authority': 'Q0E=',
      'kubernetes.io/auth-provider': 'oidc',
      ...annotations,
    },
    { title: `Cluster ${name}` },
  );
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

  describe('credentialUrls', () => {
    const at = (name: string, url: string) =>
      clusterEntity(name, { 'kubernetes.io/api-server': url });
    const trusted = async (urls: string[], entities: Entity[]) =>
      Object.fromEntries(
        (await supplier(entities, { credentialUrls: urls }).getClusters()).map(
          c => [c.name, c.credentialsTrusted],
        ),
      );

    it('trusts a catalog cluster with credentials only when its origin is listed', async () => {
      expect(
        await trusted(
          ['https://8.8.8.8:6443', 'https://*.k8s.example.com'],
          [
            at('listed', 'https://8.8.8.8:6443/some/prefix'),
            at('otherPort', 'https://8.8.8.8'),
            at('otherHost', 'https://8.8.4.4:6443'),
            at('underWildcard', 'https://1.1.1.1'),
          ],
        ),
      ).toEqual({
        listed: true,
        otherPort: false,
        otherHost: false,
        underWildcard: false,
      });
      expect(await trusted([], [at('none', 'https://8.8.8.8')])).toEqual({
        none: false,
      });
    });

    it('matches a wildcard under its domain only, and a URL over http never', () => {
      const matcher = CredentialUrls.parse(
        ['https://*.k8s.example.com', 'https://127.0.0.1:6443'],
        'key',
      );
      expect(matcher.trusts(new URL('https://a.k8s.example.com'))).toBe(true);
      expect(matcher.trusts(new URL('https://A.B.K8S.example.com:443'))).toBe(
        true,
      );
      expect(matcher.trusts(new URL('https://k8s.example.com'))).toBe(false);
      expect(matcher.trusts(new URL('https://evil-k8s.example.com'))).toBe(
        false,
      );
      expect(matcher.trusts(new URL('https://a.k8s.example.com.evil'))).toBe(
        false,
      );
      expect(matcher.trusts(new URL('http://127.0.0.1:6443'))).toBe(false);
    });

    it.each([
      [
        'http://api.example.com',
        /must use https: a credential must not cross the network in clear text/,
      ],
      ['api.example.com', /is not a URL; write an API server origin/],
      ['https://api.example.com/path', /must be an origin/],
      ['https://user:pw@api.example.com', /must be an origin/],
      ['https://api.example.com?x=1', /must be an origin/],
      ['https://*.com', /a wildcard may only be the whole first label/],
      [
        'https://a.*.example.com',
        /a wildcard may only be the whole first label/,
      ],
    ])('refuses %s at startup, naming the key', (url, message) => {
      const build = () =>
        supplier([], { credentialUrls: ['https://ok.example.com', url] });
      expect(build).toThrow(
        "kubernetes.clusterLocatorMethods[0].credentialUrls[1]: '",
      );
      expect(build).toThrow(message);
    });

    it('warns once about each cluster it does not trust with a credential, user- or service-level, naming it and the key', async () => {
      const logger = mockServices.logger.mock();
      const catalogSupplier = CatalogClusterSupplier.fromConfig(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              { type: 'config', clusters: [] },
              { type: 'catalog' },
            ],
          },
          kubeplatform: { watchCache: { clusterRefreshSeconds: 0 } },
        }),
        {
          catalog: catalogServiceMock({
            entities: [
              at('untrusted', 'https://8.8.8.8'),
              clusterEntity('service', {
                'kubernetes.io/api-server': 'https://8.8.4.4',
                'kubernetes.io/auth-provider': 'aws',
              }),
              clusterEntity('proxy', {
                'kubernetes.io/api-server': 'https://1.1.1.1',
                'kubernetes.io/auth-provider': 'localKubectlProxy',
              }),
            ],
          }),
          auth: mockServices.auth(),
          logger,
        },
      )!;
      await catalogSupplier.getClusters();
      await catalogSupplier.getClusters();
      expect(logger.warn).toHaveBeenCalledTimes(2);
      expect(logger.warn).toHaveBeenCalledWith(
        "kubernetes-cluster Resource \"untrusted\" uses authProvider 'oidc', but its API server https://8.8.8.8 is not listed in kubernetes.clusterLocatorMethods[1].credentialUrls: no credential, neither the backend's nor a viewer's, is sent to it, and it is shown as unauthorized. List the origin there only if you trust that server with the credentials of authProvider 'oidc'.",
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'kubernetes-cluster Resource "service" uses authProvider \'aws\', but its API server https://8.8.4.4 is not listed in kubernetes.clusterLocatorMethods[1].credentialUrls',
        ),
      );
    });
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
