import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ClusterIdentity } from '@kubeplatform/clusters-common';
import {
  builtInAuthStrategies,
  CatalogClusterSupplier,
  DefaultClustersService,
  ViewerAccessReviewer,
} from '@kubeplatform/clusters-node';
import http from 'node:http';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { ViewerGate } from './ViewerGate';

/**
 * Attack, as a viewer meets it: a `kubernetes-cluster` Resource registered by anyone, with
 * `kubernetes.io/auth-provider: oidc` and an API server its author controls (a real local server,
 * allowed by `dangerouslyAllowClusterUrls` so that only the credentialUrls rule refuses it). The view
 * of that cluster goes through the real gate, reviewer and registry.
 */

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmVk';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'checkout-1',
    namespace: 'shop',
    labels: { 'backstage.io/kubernetes-id': 'checkout' },
  },
};

let server: http.Server;
let serverUrl: string;
const received: Array<string | undefined> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    received.push(req.headers.authorization);
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: { allowed: true } }));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  serverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(
  () =>
    new Promise<void>(r => {
      server.closeAllConnections();
      server.close(() => r());
    }),
);

function gateOverCatalog() {
  const config = new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'catalog',
          dangerouslyAllowClusterUrls: ['127.0.0.1'],
          // Plain HTTP carries a token only with TLS verification off.
          dangerouslyAllowSkipTLSVerify: true,
        },
      ],
    },
  });
  const logger = mockServices.logger.mock();
  const registry = DefaultClustersService.awaitingConfiguration(config, logger);
  registry.configure({
    suppliers: [
      CatalogClusterSupplier.fromConfig(config, {
        catalog: catalogServiceMock({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Resource',
              metadata: {
                name: 'stolen',
                namespace: 'default',
                annotations: {
                  'kubernetes.io/api-server': serverUrl,
                  'kubernetes.io/api-server-certificate-authority': 'Q0E=',
                  'kubernetes.io/auth-provider': 'oidc',
                  'kubernetes.io/oidc-token-provider': 'okta',
                  'kubernetes.io/skip-tls-verify': 'true',
                },
              },
              spec: { type: 'kubernetes-cluster', owner: 'someone' },
            },
          ],
        }),
        auth: mockServices.auth(),
        logger,
      })!,
    ],
    authStrategies: builtInAuthStrategies({ config }),
  });
  return new ViewerGate(
    new ViewerAccessReviewer({
      viewerKubeConfig: (cluster, viewer) =>
        registry.getViewerKubeConfig(cluster, viewer),
    }),
  );
}

describe('ViewerGate over an untrusted catalog cluster', () => {
  it("attack: the viewer's token never reaches the entity author's server; the cluster is unauthorized, naming the key", async () => {
    const gate = gateOverCatalog();
    const reader = inMemoryCacheReader(
      { name: 'stolen', title: 'stolen', authMode: 'user' } as ClusterIdentity,
      { pods: [pod] },
    );

    const seen = await gate.reader(reader, { oidc: { okta: TOKEN } }, r => {
      r.listByKubernetesId('pods', 'checkout');
    });

    expect(received).toEqual([]);
    expect(seen.listByKubernetesId('pods', 'checkout')).toEqual([]);
    const status = seen.status(Date.now());
    expect(status.state).toBe('unauthorized');
    expect(status.reason).toContain(
      'kubernetes.clusterLocatorMethods[type=catalog].credentialUrls',
    );
    expect(JSON.stringify(status)).not.toContain(TOKEN);

    await expect(
      gate.requireAllowed(
        reader,
        { oidc: { okta: TOKEN } },
        {
          verb: 'get',
          group: '',
          resource: 'pods',
          subresource: 'log',
          namespace: 'shop',
          name: 'checkout-1',
        },
      ),
    ).rejects.toThrow(
      /not trusted with credentials, so your token was not sent/,
    );
    expect(received).toEqual([]);
  });
});
