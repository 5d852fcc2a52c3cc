import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubernetesConnection } from '../connection/KubernetesConnection';
import { KubernetesRequestError } from '../connection/KubernetesRequestError';
import { DefaultClustersService } from '../DefaultClustersService';
import { builtInAuthStrategies } from '../registry/builtInAuthStrategies';
import { ClusterAuthStrategy } from '../types';
import { CatalogClusterSupplier } from './CatalogClusterSupplier';
import {
  attackerApiServerForEachTest,
  attackerClusterResource,
} from '../__testUtils__/attackerApiServer';

/**
 * Attack: whoever may register a catalog entity registers a `kubernetes-cluster` Resource with a
 * provider that makes the BACKEND attach its own credential (`aws`: a presigned STS
 * GetCallerIdentity token, replayable against the company's EKS clusters for ~15 minutes;
 * `azure`, `googleServiceAccount`, or any installed strategy that returns a token) and an API
 * server they control. The watch cache, writes, exec and the devenv provisioner all reach a
 * cluster through `getKubeConfig`, so the connection here is made as the watch cache makes it
 * (`new KubernetesConnection(name, () => registry.getKubeConfig(name))`), to a real local server
 * (allowed by `dangerouslyAllowClusterUrls`, so that only the credential rule refuses it). The
 * `aws` strategy is upstream's real one, with fake static keys, so it signs a token offline.
 */

const ANSWER = { status: 200, body: { kind: 'PodList', items: [] } };

const KEY_NAME =
  'kubernetes.clusterLocatorMethods[type=catalog].credentialUrls';
const CUSTOM_TOKEN = 'custom-backend-token-7f3a';

/** A strategy a platform engineer installed (authStrategyExtensionPoint) that sends a token. */
const customTokenStrategy: ClusterAuthStrategy = {
  getCredential: async () => ({ type: 'bearer token', token: CUSTOM_TOKEN }),
  validateCluster: () => [],
};
const anonymousStrategy: ClusterAuthStrategy = {
  getCredential: async () => ({ type: 'anonymous' }),
  validateCluster: () => [],
};

/** The registry as the clusters plugin wires it, over a catalog source and these entities. */
function registryFor(
  locator: object,
  entities: Entity[],
  extraConfig: object = {},
) {
  const config = new ConfigReader({
    // Fake static keys: upstream's AwsIamStrategy presigns with them, offline.
    aws: {
      mainAccount: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
    },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'catalog',
          dangerouslyAllowClusterUrls: ['127.0.0.1'],
          ...locator,
        },
      ],
    },
    ...extraConfig,
  });
  const logger = mockServices.logger.mock();
  const registry = DefaultClustersService.awaitingConfiguration(config, logger);
  const strategies = builtInAuthStrategies({ config });
  strategies.set('customToken', customTokenStrategy);
  strategies.set('customAnonymous', anonymousStrategy);
  const asked = new Map<string, jest.SpyInstance>();
  for (const [name, strategy] of strategies) {
    asked.set(name, jest.spyOn(strategy, 'getCredential'));
  }
  registry.configure({
    suppliers: [
      CatalogClusterSupplier.fromConfig(config, {
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        logger,
      })!,
    ],
    authStrategies: strategies,
  });
  const connect = (name: string) =>
    new KubernetesConnection(name, () => registry.getKubeConfig(name));
  return { registry, connect, asked, logger };
}

const listPods = (connection: KubernetesConnection) =>
  connection.getJson('/api/v1/pods', { timeoutMs: 5_000 });

/** The request's failure; first of all, what the attacker's server received must be nothing. */
async function refusal(
  promise: Promise<unknown>,
  server: { requests: unknown[] },
): Promise<KubernetesRequestError> {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(server.requests).toEqual([]);
  expect(error).toBeInstanceOf(KubernetesRequestError);
  return error as KubernetesRequestError;
}

describe("catalog clusters and the backend's own credentials", () => {
  const server = attackerApiServerForEachTest('https', ANSWER);

  it.each([
    ['aws', {}],
    [
      'aws',
      { 'kubernetes.io/aws-assume-role': 'arn:aws:iam::111122223333:role/x' },
    ],
    ['azure', {}],
    ['googleServiceAccount', {}],
  ])(
    "attack: a catalog cluster with authProvider %s never receives the backend's credential, and the strategy is not asked (%o)",
    async (provider, annotations) => {
      const { connect, asked } = registryFor({}, [
        attackerClusterResource('stolen', server.url, {
          'kubernetes.io/auth-provider': provider,
          ...annotations,
        }),
      ]);

      const error = await refusal(listPods(connect('stolen')), server);

      expect(server.requests).toEqual([]);
      expect(error.kind).toBe('unauthorized');
      expect(error.message).toContain(
        "cluster 'stolen' comes from the catalog",
      );
      expect(error.message).toContain(KEY_NAME);
      expect(error.message).not.toContain('k8s-aws-v1.');
      // No STS, Azure AD or Google call is made for a server nobody trusted.
      expect(asked.get(provider)).not.toHaveBeenCalled();
    },
  );

  it('attack: an installed strategy that returns a token does not send it to a catalog cluster it is not listed for', async () => {
    const { connect } = registryFor({}, [
      attackerClusterResource('stolen', server.url, {
        'kubernetes.io/auth-provider': 'customToken',
      }),
    ]);

    const error = await refusal(listPods(connect('stolen')), server);

    expect(server.requests).toEqual([]);
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain(KEY_NAME);
    expect(error.message).not.toContain(CUSTOM_TOKEN);
  });

  it('attack: a cacheCredential configured for that name is not sent to a user-level catalog cluster', async () => {
    const { connect, asked } = registryFor(
      {},
      [
        attackerClusterResource('prod-eks', server.url, {
          'kubernetes.io/auth-provider': 'oidc',
          'kubernetes.io/oidc-token-provider': 'okta',
        }),
      ],
      {
        kubeplatform: {
          clusters: [
            { name: 'prod-eks', cacheCredential: { authProvider: 'aws' } },
          ],
        },
      },
    );

    const error = await refusal(listPods(connect('prod-eks')), server);

    expect(server.requests).toEqual([]);
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain(KEY_NAME);
    expect(asked.get('aws')).not.toHaveBeenCalled();
  });

  it('the source warns once per cluster that would need a credential, naming the key', async () => {
    const { registry, logger } = registryFor({}, [
      attackerClusterResource('stolen', server.url, {
        'kubernetes.io/auth-provider': 'aws',
      }),
    ]);

    await registry.listClusters();
    await registry.listClusters();
    await registry.getKubeConfig('stolen').catch(() => {});

    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain('"stolen"');
    expect(logger.warn.mock.calls[0][0]).toContain(
      'kubernetes.clusterLocatorMethods[0].credentialUrls',
    );
  });

  it("a catalog cluster whose origin credentialUrls lists is read with the backend's aws token", async () => {
    const { connect } = registryFor({ credentialUrls: [server.url] }, [
      attackerClusterResource('trusted', server.url, {
        'kubernetes.io/auth-provider': 'aws',
      }),
    ]);

    await listPods(connect('trusted'));

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].authorization).toMatch(/^Bearer k8s-aws-v1\./);
  });

  it('another port of a listed host is not trusted', async () => {
    const { connect } = registryFor(
      { credentialUrls: ['https://127.0.0.1:1'] },
      [
        attackerClusterResource('stolen', server.url, {
          'kubernetes.io/auth-provider': 'aws',
        }),
      ],
    );

    const error = await refusal(listPods(connect('stolen')), server);

    expect(server.requests).toEqual([]);
    expect(error.kind).toBe('unauthorized');
  });

  it('a catalog cluster reached with no credential is unaffected: it is read, and sent none', async () => {
    const { connect } = registryFor({}, [
      attackerClusterResource('anonymous', server.url, {
        'kubernetes.io/auth-provider': 'customAnonymous',
      }),
    ]);

    await listPods(connect('anonymous'));

    expect(server.requests).toEqual([
      { path: '/api/v1/pods', authorization: undefined, clientCert: false },
    ]);
  });
});

describe('catalog clusters without a credential, over http', () => {
  const server = attackerApiServerForEachTest('http', ANSWER);

  it('localKubectlProxy is read as before, with no credential and no warning', async () => {
    // client-node allows plain HTTP only with TLS verification off, as before.
    const { connect, logger } = registryFor(
      { dangerouslyAllowSkipTLSVerify: true },
      [
        attackerClusterResource('proxy', server.url, {
          'kubernetes.io/auth-provider': 'localKubectlProxy',
          'kubernetes.io/skip-tls-verify': 'true',
        }),
      ],
    );

    await listPods(connect('proxy'));

    expect(server.requests).toEqual([
      { path: '/api/v1/pods', authorization: undefined, clientCert: false },
    ]);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
