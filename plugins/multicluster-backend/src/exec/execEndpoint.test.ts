import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import WebSocket from 'ws';
import { EntityScope } from '../entities/EntityScope';
import { EntityViews } from '../EntityViews';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { execQuery as query } from '../__testUtils__/execQuery';
import { createExecEndpoint, EXEC_PROTOCOL } from './execEndpoint';

/**
 * The terminal's whole decision before any exec, over a real WebSocket upgrade: each refusal is
 * the right 4xx, is audited, and never reaches the cluster (no kubeconfig is even loaded).
 */

const pod = (name: string, id: string, containers: string[]) => ({
  metadata: {
    name,
    namespace: 'shop',
    uid: `uid-${name}`,
    labels: { 'backstage.io/kubernetes-id': id },
  },
  spec: { containers: containers.map(c => ({ name: c })) },
  status: { phase: 'Running' },
});

/** prod-us as the cache has it; `user`: read with a user-level authProvider (e.g. `oidc`). */
const prodUs = (authMode: 'service' | 'user') =>
  inMemoryCacheReader({ name: 'prod-us', authMode } as any, {
    pods: [
      pod('checkout-1', 'checkout', ['checkout', 'sidecar']),
      pod('payments-1', 'payments', ['payments']),
    ],
  }) as any;

let server: Server;
let base: string;
let kubeConfigLoads: string[];
let auditor: ReturnType<typeof mockServices.auditor.mock>;

async function start(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  authMode: 'service' | 'user' = 'service',
) {
  const reader = prodUs(authMode);
  kubeConfigLoads = [];
  auditor = mockServices.auditor.mock();
  const permissions = mockServices.permissions({ result } as any);
  const catalog = catalogServiceMock({
    entities: [serviceEntity('checkout'), serviceEntity('payments')],
  });
  const entityScope = EntityScope.fromConfig(new ConfigReader({}));
  const app = express();
  app.use(
    '/api/multicluster',
    createExecEndpoint({
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth(),
      logger: mockServices.logger.mock(),
      auditor,
      clusters: {
        getKubeConfig: async (name: string) => {
          kubeConfigLoads.push(name);
          throw new Error('the test never execs');
        },
      },
      cache: { get: name => (name === 'prod-us' ? reader : undefined) },
      entityScope,
      views: new EntityViews({
        catalog,
        permissions,
        cache: { list: () => [reader] },
      }),
      options: {
        command: ['/bin/sh'],
        maxDurationMs: 60_000,
        idleTimeoutMs: 60_000,
        recheckMs: 30_000,
        allowedOrigins: ['http://localhost:3000'],
        maxSessionsPerUser: 3,
      },
    }),
  );
  app.use(
    MiddlewareFactory.create({
      config: new ConfigReader({}),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  server = app.listen(0);
  await new Promise(resolve => server.once('listening', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}/api/multicluster`;
}

afterEach(async () => {
  await new Promise(resolve => server.close(resolve));
});

/** The headers of a signed-in user's request, from a browser on `origin` if given. */
const userHeaders = (origin?: string): Record<string, string> => ({
  authorization: `Bearer ${mockCredentials.user.token()}`,
  ...(origin && { origin }),
});

/** The HTTP status the upgrade was refused with (or 101 when it was accepted). */
function upgradeStatus(
  params: URLSearchParams,
  headers = userHeaders(),
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${base}/exec?${params}`, [EXEC_PROTOCOL], {
      headers,
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('upgrade', () => {
      resolve(101);
      ws.terminate();
    });
    ws.on('error', error => {
      if (!String(error).includes('Unexpected server response')) reject(error);
    });
  });
}

function checkResponse(params: URLSearchParams): Promise<Response> {
  return fetch(`http://${base}/exec/check?${params}`, {
    headers: userHeaders(),
  });
}

async function check(params: URLSearchParams): Promise<number> {
  return (await checkResponse(params)).status;
}

describe('pod terminal authorization', () => {
  beforeEach(() => start(AuthorizeResult.ALLOW));

  it('answers the check for a pod and container of the entity', async () => {
    expect(await check(query())).toBe(200);
  });

  it('refuses a container the pod does not have with 400, before any exec', async () => {
    await check(query());
    expect(await upgradeStatus(query({ container: 'nope' }))).toBe(400);
    expect(await check(query({ container: 'nope' }))).toBe(400);
    expect(kubeConfigLoads).toEqual([]);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'pod-exec',
        meta: expect.objectContaining({ container: 'nope' }),
      }),
    );
  });

  it('refuses a pod of another entity with 404, before any exec', async () => {
    await check(query());
    expect(await upgradeStatus(query({ pod: 'payments-1' }))).toBe(404);
    expect(await upgradeStatus(query({ cluster: 'dev-eu' }))).toBe(404);
    expect(kubeConfigLoads).toEqual([]);
  });

  it('refuses malformed input with 400', async () => {
    await check(query());
    expect(await upgradeStatus(query({ pod: '../x' }))).toBe(400);
    expect(await upgradeStatus(query({ entity: 'not a ref!' }))).toBe(400);
  });

  it('refuses an upgrade without a token with 401', async () => {
    await check(query());
    expect(await upgradeStatus(query(), {})).toBe(401);
    expect(kubeConfigLoads).toEqual([]);
  });

  it('refuses a cross-origin upgrade with 403', async () => {
    await check(query());
    expect(
      await upgradeStatus(query(), userHeaders('https://evil.example.com')),
    ).toBe(403);
    expect(kubeConfigLoads).toEqual([]);
  });

  it('accepts the app origin and goes on to the cluster', async () => {
    await check(query());
    await upgradeStatus(query(), userHeaders('http://localhost:3000'));
    expect(kubeConfigLoads).toEqual(['prod-us']);
  });
});

describe('pod terminal without the permission', () => {
  beforeEach(() => start(AuthorizeResult.DENY));

  it('answers 403 to the check and the upgrade, before any exec', async () => {
    expect(await check(query())).toBe(403);
    expect(await upgradeStatus(query())).toBe(403);
    expect(kubeConfigLoads).toEqual([]);
  });
});

describe('pod terminal on a user-level cluster', () => {
  beforeEach(() => start(AuthorizeResult.ALLOW, 'user'));

  it('refuses the check and the upgrade with 403 saying why, before any exec', async () => {
    const res = await checkResponse(query());
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).toContain(
      "Exec is not offered on cluster 'prod-us': it is read with your own credentials, which the terminal cannot carry yet",
    );
    expect(
      await upgradeStatus(query(), userHeaders('http://localhost:3000')),
    ).toBe(403);
    expect(kubeConfigLoads).toEqual([]);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'pod-exec',
        meta: expect.objectContaining({ cluster: 'prod-us' }),
      }),
    );
  });
});
