import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
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
});
