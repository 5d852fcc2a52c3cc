import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import type { ViewerRequestAuth } from '../auth/authMode';
import { ViewerAccessReviewer } from '../access/ViewerAccessReviewer';
import { DefaultClustersService } from '../DefaultClustersService';
import { builtInAuthStrategies } from '../registry/builtInAuthStrategies';
import { configuredClusterSuppliers } from '../registry/configuredClusterSuppliers';
import { CatalogClusterSupplier } from './CatalogClusterSupplier';

/**
 * Attack: whoever may register a catalog entity registers a `kubernetes-cluster` Resource with a
 * user-level auth provider (`oidc`, `google`, `aks`) and an API server they control. The per-viewer
 * access review would send each viewer's own token there. Here that server is a real local one
 * (allowed by `dangerouslyAllowClusterUrls`, so that only the credentialUrls rule refuses it), and the
 * review runs as the backend wires it (viewerAccessServiceRef: ViewerAccessReviewer over the
 * registry's getViewerKubeConfig).
 */

const TLS_DIR = resolve(__dirname, '../__fixtures__/tls');
const CERT = readFileSync(resolve(TLS_DIR, 'cert.pem'), 'utf8');
const KEY = readFileSync(resolve(TLS_DIR, 'key.pem'), 'utf8');

const OIDC_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.b2lkYw';
const GOOGLE_TOKEN = 'ya29.alice-google-access-token';
const AKS_TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJvaWQiOiJhbGljZSJ9.YWtz';
const viewer: ViewerRequestAuth = {
  oidc: { okta: OIDC_TOKEN },
  google: GOOGLE_TOKEN,
  aks: AKS_TOKEN,
};
const TOKENS = [OIDC_TOKEN, GOOGLE_TOKEN, AKS_TOKEN];

const listPods = { verb: 'list', group: '', resource: 'pods', namespace: '' };

/** An API server the attacker controls: records every request, allows every review. */
async function attackerServer(scheme: 'http' | 'https') {
  const requests: Array<{ path: string; authorization?: string }> = [];
  const onRequest: http.RequestListener = (req, res) => {
    requests.push({
      path: req.url ?? '',
      authorization: req.headers.authorization,
    });
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: { allowed: true } }));
  };
  const server =
    scheme === 'https'
      ? https.createServer({ cert: CERT, key: KEY }, onRequest)
      : http.createServer(onRequest);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function clusterResource(
  name: string,
  apiServer: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'kubernetes.io/api-server': apiServer,
        'kubernetes.io/api-server-certificate-authority':
          Buffer.from(CERT).toString('base64'),
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'someone' },
  };
}

const USER_LEVEL: Array<[string, Record<string, string>]> = [
  [
    'oidc',
    {
      'kubernetes.io/auth-provider': 'oidc',
      'kubernetes.io/oidc-token-provider': 'okta',
    },
  ],
  ['google', { 'kubernetes.io/auth-provider': 'google' }],
  ['aks', { 'kubernetes.io/auth-provider': 'aks' }],
];

/** The viewer access review as the backend wires it, over these sources. */
function reviewerFor(config: ConfigReader, entities: Entity[]) {
  const logger = mockServices.logger.mock();
  const registry = DefaultClustersService.awaitingConfiguration(config, logger);
  registry.configure({
    suppliers: [
      ...configuredClusterSuppliers(config),
      CatalogClusterSupplier.fromConfig(config, {
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger,
      })!,
    ],
    authStrategies: builtInAuthStrategies({ config }),
  });
  const reviewer = new ViewerAccessReviewer({
    viewerKubeConfig: (cluster, v) => registry.getViewerKubeConfig(cluster, v),
  });
  return { reviewer, logger };
}

const catalogLocator = (extra: object = {}) => ({
  type: 'catalog',
  dangerouslyAllowClusterUrls: ['127.0.0.1'],
  ...extra,
});

describe("catalog clusters and viewers' tokens", () => {
  // Plain HTTP carries a token only with TLS verification off (client-node refuses otherwise).
  const PLAIN_HTTP = {
    locator: { dangerouslyAllowSkipTLSVerify: true },
    annotations: { 'kubernetes.io/skip-tls-verify': 'true' },
  };
  describe.each([
    ['https', { locator: {}, annotations: {} }],
    ['http', PLAIN_HTTP],
  ] as const)('over %s', (scheme, extra) => {
    let server: Awaited<ReturnType<typeof attackerServer>>;
    beforeEach(async () => {
      server = await attackerServer(scheme);
    });
    afterEach(() => server.close());

    it.each(USER_LEVEL)(
      "attack: a catalog cluster with authProvider %s never receives a viewer's token",
      async (_provider, annotations) => {
        const config = new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [catalogLocator(extra.locator)],
          },
        });
        const { reviewer } = reviewerFor(config, [
          clusterResource('stolen', server.url, {
            ...annotations,
            ...extra.annotations,
          }),
        ]);

        const review = await reviewer.review('stolen', viewer, [listPods]);

        expect(server.requests).toEqual([]);
        expect(review.allowed).toEqual([false]);
        expect(review.failure?.state).toBe('unauthorized');
        expect(review.failure?.reason).toContain(
          "cluster 'stolen' comes from the catalog",
        );
        expect(review.failure?.reason).toContain(
          'kubernetes.clusterLocatorMethods[type=catalog].credentialUrls',
        );
        for (const token of TOKENS) {
          expect(review.failure?.reason).not.toContain(token);
        }
      },
    );
  });

  describe('over https, as a platform engineer configured it', () => {
    let server: Awaited<ReturnType<typeof attackerServer>>;
    beforeEach(async () => {
      server = await attackerServer('https');
    });
    afterEach(() => server.close());

    it("a catalog cluster whose URL credentialUrls lists is reviewed with the viewer's token", async () => {
      const config = new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            catalogLocator({ credentialUrls: [server.url] }),
          ],
        },
      });
      const { reviewer } = reviewerFor(config, [
        clusterResource('trusted', server.url, USER_LEVEL[0][1]),
      ]);

      const review = await reviewer.review('trusted', viewer, [listPods]);

      expect(review).toEqual({ allowed: [true] });
      expect(server.requests).toEqual([
        {
          path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          authorization: `Bearer ${OIDC_TOKEN}`,
        },
      ]);
    });

    it('a cluster from config is reviewed with the viewer token, with no list to be on', async () => {
      const config = new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'configured',
                  url: server.url,
                  authProvider: 'google',
                  caData: Buffer.from(CERT).toString('base64'),
                },
              ],
            },
            catalogLocator(),
          ],
        },
      });
      const { reviewer } = reviewerFor(config, []);

      const review = await reviewer.review('configured', viewer, [listPods]);

      expect(review).toEqual({ allowed: [true] });
      expect(server.requests.map(r => r.authorization)).toEqual([
        `Bearer ${GOOGLE_TOKEN}`,
      ]);
    });

    it('another port of a listed host is not trusted', async () => {
      const config = new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            catalogLocator({ credentialUrls: ['https://127.0.0.1:1'] }),
          ],
        },
      });
      const { reviewer } = reviewerFor(config, [
        clusterResource('stolen', server.url, USER_LEVEL[0][1]),
      ]);

      const review = await reviewer.review('stolen', viewer, [listPods]);

      expect(server.requests).toEqual([]);
      expect(review.failure?.state).toBe('unauthorized');
    });
  });
});
