import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ViewerRequestAuth } from '../auth/authMode';
import { ViewerAccessReviewer } from '../access/ViewerAccessReviewer';
import { DefaultClustersService } from '../DefaultClustersService';
import { builtInAuthStrategies } from '../registry/builtInAuthStrategies';
import { configuredClusterSuppliers } from '../registry/configuredClusterSuppliers';
import { CatalogClusterSupplier } from './CatalogClusterSupplier';
import {
  ATTACKER_CERT,
  attackerApiServerForEachTest,
  attackerClusterResource,
} from '../__testUtils__/attackerApiServer';

/**
 * Attack: whoever may register a catalog entity registers a `kubernetes-cluster` Resource with a
 * user-level auth provider (`oidc`, `google`, `aks`) and an API server they control. The per-viewer
 * access review would send each viewer's own token there. Here that server is a real local one
 * (allowed by `dangerouslyAllowClusterUrls`, so that only the credentialUrls rule refuses it), and the
 * review runs as the backend wires it (viewerAccessServiceRef: ViewerAccessReviewer over the
 * registry's getViewerKubeConfig).
 */

const ANSWER = { status: 201, body: { status: { allowed: true } } };

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
    const server = attackerApiServerForEachTest(scheme, ANSWER);

    it.each(USER_LEVEL)(
      "attack: a catalog cluster with authProvider %s never receives a viewer's token",
      async (_provider, annotations) => {
        const config = new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [catalogLocator(extra.locator)],
          },
        });
        const { reviewer } = reviewerFor(config, [
          attackerClusterResource('stolen', server.url, {
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
    const server = attackerApiServerForEachTest('https', ANSWER);

    it("a catalog cluster whose URL credentialUrls lists is reviewed with the viewer's token", async () => {
      const config = new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            catalogLocator({ credentialUrls: [server.url] }),
          ],
        },
      });
      const { reviewer } = reviewerFor(config, [
        attackerClusterResource('trusted', server.url, USER_LEVEL[0][1]),
      ]);

      const review = await reviewer.review('trusted', viewer, [listPods]);

      expect(review).toEqual({ allowed: [true] });
      expect(server.requests).toEqual([
        {
          path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          authorization: `Bearer ${OIDC_TOKEN}`,
          clientCert: false,
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
                  caData: Buffer.from(ATTACKER_CERT).toString('base64'),
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
        attackerClusterResource('stolen', server.url, USER_LEVEL[0][1]),
      ]);

      const review = await reviewer.review('stolen', viewer, [listPods]);

      expect(server.requests).toEqual([]);
      expect(review.failure?.state).toBe('unauthorized');
    });
  });
});
