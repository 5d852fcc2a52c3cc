import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { clustersPlugin } from './plugin';

const config = {
  kubernetes: {
    serviceLocatorMethod: { type: 'http' },
    objectTypes: ['pods', 'configmaps'],
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'eks',
            url: 'https://127.0.0.1:1',
            authProvider: 'aws',
            skipMetricsLookup: true,
          },
          {
            name: 'okta',
            url: 'https://127.0.0.1:2',
            authProvider: 'oidc',
            oidcTokenProvider: 'okta',
          },
        ],
      },
      // Not a gke locator: that one would ask Google for clusters once the cache starts.
      { type: 'inventory' },
    ],
  },
  // No watch traffic to the fake clusters while the tests run.
  kubeplatform: { watchCache: { healthCheckSeconds: 0 } },
};

const expectedReport = {
  clusters: [
    { name: 'eks', authProvider: 'aws', authMode: 'service' },
    { name: 'okta', authProvider: 'oidc', authMode: 'user' },
  ],
  unsupportedKeys: [
    {
      key: 'kubernetes.serviceLocatorMethod.type',
      reason:
        "'http' is not supported: every cluster is searched for every entity, as with multiTenant",
    },
    {
      key: 'kubernetes.objectTypes[1]',
      reason: "'configmaps' is not watched: the view does not show them",
    },
    {
      key: 'kubernetes.clusterLocatorMethods[1].type',
      reason:
        "the 'inventory' cluster locator is not supported: its clusters are not listed",
    },
  ],
};

/** Runs `test` against a backend whose permissions answer `permission`, then stops it. */
async function withBackend(
  permission: 'ALLOW' | 'DENY',
  test: (started: Awaited<ReturnType<typeof start>>) => Promise<void>,
) {
  const started = await start(permission);
  try {
    await test(started);
  } finally {
    await started.backend.stop();
  }
}

/** GET /api/clusters/config-report with this Authorization header. */
const getReport = (
  backend: Awaited<ReturnType<typeof start>>['backend'],
  authorization: string,
) =>
  request(backend.server)
    .get('/api/clusters/config-report')
    .set('Authorization', authorization);

async function start(permission: 'ALLOW' | 'DENY') {
  const logger = mockServices.rootLogger.mock();
  logger.child.mockReturnValue(logger);
  const backend = await startTestBackend({
    features: [
      clustersPlugin,
      logger.factory,
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.permissions.factory({ result: permission }),
    ],
  });
  return { backend, logger };
}

describe('GET /api/clusters/config-report and the startup warning', () => {
  it('logs one warning naming each unhonoured key and its cluster', () =>
    withBackend('ALLOW', async ({ logger }) => {
      const warnings = logger.warn.mock.calls
        .map(([message]) => message)
        .filter(m => m.includes('does not honour'));
      expect(warnings).toEqual([
        "Kubeplatform does not honour these kubernetes config keys (GET /api/clusters/config-report lists them): kubernetes.serviceLocatorMethod.type: 'http' is not supported: every cluster is searched for every entity, as with multiTenant; kubernetes.objectTypes[1]: 'configmaps' is not watched: the view does not show them; kubernetes.clusterLocatorMethods[1].type: the 'inventory' cluster locator is not supported: its clusters are not listed",
      ]);
    }));

  it('serves the report to a user granted clusters.config-report.read and to services', () =>
    withBackend('ALLOW', async ({ backend }) => {
      const asUser = await getReport(backend, mockCredentials.user.header());
      expect(asUser.status).toBe(200);
      expect(asUser.body).toEqual(expectedReport);
    }));

  it('refuses a user without the permission, serves services anyway, and refuses no credentials', () =>
    withBackend('DENY', async ({ backend }) => {
      const asUser = await getReport(backend, mockCredentials.user.header());
      expect(asUser.status).toBe(403);
      expect(asUser.body.error.message).toContain(
        'clusters.config-report.read',
      );
      const asService = await getReport(
        backend,
        mockCredentials.service.header(),
      );
      expect(asService.status).toBe(200);
      expect(asService.body).toEqual(expectedReport);
      const anonymous = await getReport(backend, mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    }));
});
