import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { WatchCache } from '@kubeplatform/clusters-node';
import clustersPlugin from '@kubeplatform/plugin-clusters-backend';
import request from 'supertest';
import { multiclusterPlugin } from './plugin';

describe('multiclusterPlugin', () => {
  const anonymousRequests = mockServices.httpAuth.factory({
    defaultCredentials: mockCredentials.none(),
  });

  it('serves an unauthenticated health check', async () => {
    const { server } = await startTestBackend({
      features: [multiclusterPlugin, anonymousRequests],
    });

    const res = await request(server).get('/api/multicluster/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('refuses anonymous requests to anything but the health check', async () => {
    const { server } = await startTestBackend({
      features: [multiclusterPlugin, anonymousRequests],
    });

    const res = await request(server).get(
      '/api/multicluster/entities/component/default/checkout',
    );

    expect(res.status).toBe(401);
  });

  describe('the watch cache', () => {
    const oneCluster = mockServices.rootConfig.factory({
      data: {
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'only',
                  url: 'https://127.0.0.1:1',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'token',
                },
              ],
            },
          ],
        },
        kubeplatform: { watchCache: { healthCheckSeconds: 0 } },
      },
    });

    afterEach(() => jest.restoreAllMocks());

    it.each([
      ['with the clusters plugin, which starts it', [clustersPlugin]],
      ['without the clusters plugin, when the backend has started', []],
    ])('is started once %s', async (_, owners) => {
      const start = jest.spyOn(WatchCache.prototype, 'start');
      const backend = await startTestBackend({
        features: [
          multiclusterPlugin,
          ...owners,
          oneCluster,
          catalogServiceMock.factory({ entities: [] }),
        ],
      });
      try {
        expect(start).toHaveBeenCalledTimes(1);
        const cache = start.mock.contexts[0] as WatchCache;
        await start.mock.results[0].value;
        expect(cache.list().map(c => c.identity.name)).toEqual(['only']);
      } finally {
        await backend.stop();
      }
    });
  });
});
