import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import WebSocket from 'ws';
import { multiclusterPlugin } from '../plugin';
import { execQuery } from '../__testUtils__/execQuery';
import { EXEC_PROTOCOL } from './execEndpoint';

/**
 * `/exec` has an unauthenticated auth policy (the upgrade authenticates itself): prove that an
 * anonymous caller still gets 401 from both the check and the upgrade.
 */
const anonymousRequests = mockServices.httpAuth.factory({
  defaultCredentials: mockCredentials.none(),
});

const query = execQuery();

describe('the terminal behind an unauthenticated auth policy', () => {
  it('answers 401 to an anonymous check', async () => {
    const { server } = await startTestBackend({
      features: [multiclusterPlugin, anonymousRequests],
    });
    const res = await request(server).get(
      `/api/multicluster/exec/check?${query}`,
    );
    expect(res.status).toBe(401);
  });

  it('answers 401 to an anonymous upgrade', async () => {
    const { server } = await startTestBackend({
      features: [multiclusterPlugin, anonymousRequests],
    });
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(
        `ws://127.0.0.1:${port}/api/multicluster/exec?${query}`,
        [EXEC_PROTOCOL],
      );
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => reject(new Error('the terminal opened')));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
  });
});
