import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import http from 'node:http';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { expectStreamEndsWhenWithdrawn } from '../__testUtils__/expectStreamEndsWhenWithdrawn';
import { asUser, openInARow } from '../__testUtils__/openAsUser';
import { routerApp, componentEntity } from '../__testUtils__/routerApp';

/**
 * Attack tests of the read side (issue 11, findings 4, 7 and 8) on the router with an in-memory
 * cluster: what an entity author, a viewer or a script with one user's token can make the
 * backend show or hold. The same attacks run against the real fleet in
 * readSide.attack.integration.test.ts.
 */

const meta = (name: string, namespace: string, labels: object) => ({
  name,
  namespace,
  uid: `uid-${namespace}-${name}`,
  labels,
});

/** One cluster: the checkout team's Deployment in `shop`, the platform's in `kube-system`. */
function fakeCluster(dashboardUrl: string) {
  const objects: Record<string, any[]> = {
    deployments: [
      {
        metadata: meta('checkout', 'shop', {
          'backstage.io/kubernetes-id': 'checkout',
        }),
        spec: { replicas: 1, template: { spec: { containers: [] } } },
        status: {},
      },
      {
        metadata: meta('coredns', 'kube-system', { 'k8s-app': 'kube-dns' }),
        spec: { replicas: 1, template: { spec: { containers: [] } } },
        status: {},
      },
    ],
    pods: [
      {
        metadata: meta('checkout-1', 'shop', {
          'backstage.io/kubernetes-id': 'checkout',
        }),
        spec: { containers: [{ name: 'app', image: 'checkout:1' }] },
        status: { phase: 'Running' },
      },
      {
        metadata: meta('coredns-1', 'kube-system', { 'k8s-app': 'kube-dns' }),
        spec: { containers: [{ name: 'coredns', image: 'coredns:1' }] },
        status: { phase: 'Running' },
      },
    ],
  };
  const logRequests: string[] = [];
  const reader = {
    ...inMemoryCacheReader({ name: 'prod-us', dashboardUrl }, objects),
    connection: {
      // A follow stays open, as a live container's log does.
      request: async (path: string) => {
        logRequests.push(path);
        const body = new PassThrough();
        body.write('a log line\n');
        if (!path.includes('follow=true')) body.end();
        return body;
      },
    },
  };
  return { reader, logRequests };
}

/** Permission decisions the test can change while a stream is open. */
const decision: { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {
  result: AuthorizeResult.ALLOW,
};

/** The apps the running test started; each is closed after it. */
const running: Array<{ close(): Promise<void> }> = [];

async function app(
  config: object = {},
  dashboardUrl = 'https://dash.example/prod-us',
) {
  const cluster = fakeCluster(dashboardUrl);
  const auditor = mockServices.auditor.mock();
  const server = http.createServer(
    await routerApp({
      entities: [
        componentEntity('checkout', {
          'backstage.io/kubernetes-id': 'checkout',
        }),
        componentEntity('sneaky', {
          'backstage.io/kubernetes-label-selector': '!nonexistent',
        }),
        componentEntity('platform-peek', {
          'backstage.io/kubernetes-label-selector': 'k8s-app=kube-dns',
        }),
      ],
      permissions: mockServices.permissions.mock({
        authorize: async requests => requests.map(() => ({ ...decision })),
      }),
      clusters: [cluster.reader],
      config: { kubeplatform: { multicluster: config } },
      auditor,
    }),
  );
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  const abort = new AbortController();
  const started = {
    server,
    url: `http://127.0.0.1:${port}`,
    auditor,
    logRequests: cluster.logRequests,
    /** For requests the test leaves open: they are aborted when the app closes. */
    signal: abort.signal,
    close: () =>
      new Promise<void>(r => {
        abort.abort();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  running.push(started);
  return started;
}

describe('read side attacks (router, in-memory cluster)', () => {
  afterEach(async () => {
    decision.result = AuthorizeResult.ALLOW;
    await Promise.all(running.splice(0).map(a => a.close()));
  });

  it('attack: a live view stream stops once the viewer loses multicluster.view.read', async () => {
    const a = await app({ stream: { recheckAccessSeconds: 0.2 } });
    const res = await fetch(
      `${a.url}/entities/component/default/checkout/stream`,
    );
    expect(res.status).toBe(200);
    await expectStreamEndsWhenWithdrawn(res, {
      settleMs: 500,
      withdraw: () => {
        decision.result = AuthorizeResult.DENY;
      },
      timeoutMs: 3_000,
      withinMs: 1_500,
    });
  });

  it('attack: the selector !nonexistent is refused with a clear error, shows no workloads, and its logs route answers 403', async () => {
    const a = await app();
    const view = await request(a.server).get(
      '/entities/component/default/sneaky',
    );
    expect(view.status).toBe(200);
    expect(view.body.clusters).toEqual([]);
    expect(view.body.explanation).toMatchObject({
      code: 'InvalidLabelSelector',
      message:
        "The label selector '!nonexistent' has no positive equality term; see docs/security.md#entity-scope",
    });
    const logs = await request(a.server).get(
      '/entities/component/default/sneaky/clusters/prod-us/pods/kube-system/coredns-1/logs',
    );
    expect(logs.status).toBe(403);
    expect(logs.body.error.message).toMatch(/no positive equality term/);
    expect(a.logRequests).toEqual([]);
  });

  it('attack: the admin entity scope hides namespaces outside it from views and logs', async () => {
    const a = await app({
      entityScope: { clusters: [{ cluster: 'prod-us', namespaces: ['shop'] }] },
    });
    const view = await request(a.server).get(
      '/entities/component/default/platform-peek',
    );
    expect(view.status).toBe(200);
    expect(view.body.clusters).toEqual([]);
    const logs = await request(a.server).get(
      '/entities/component/default/platform-peek/clusters/prod-us/pods/kube-system/coredns-1/logs',
    );
    expect(logs.status).toBe(404);
    expect(a.logRequests).toEqual([]);
    // Inside the scope everything still works.
    const checkout = await request(a.server).get(
      '/entities/component/default/checkout',
    );
    expect(checkout.body.clusters[0].workloads[0].name).toBe('checkout');
  });

  it('attack: one user opening more log follows than allowed gets 429 with Retry-After; another user is unaffected', async () => {
    const a = await app({ logs: { maxFollowsPerUser: 2 } });
    const follow = `${a.url}/entities/component/default/checkout/clusters/prod-us/pods/shop/checkout-1/logs?follow=true`;
    const { statuses, retryAfter } = await openInARow(
      follow,
      5,
      'user:default/mallory',
      a.signal,
    );
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    expect(retryAfter[2]).toBe('15');
    const alice = await openInARow(follow, 1, 'user:default/alice', a.signal);
    expect(alice.statuses).toEqual([200]);
  });

  it('attack: one user opening more live view streams than allowed gets 429 with Retry-After', async () => {
    const a = await app({ stream: { maxPerUser: 3 } });
    const { statuses, retryAfter } = await openInARow(
      `${a.url}/entities/component/default/checkout/stream`,
      5,
      'user:default/mallory',
      a.signal,
    );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(retryAfter[4]).toBe('15');
  });

  it.each([
    // The attack's input, never run: it must not reach the browser.
    // eslint-disable-next-line no-script-url
    ['javascript:alert(document.cookie)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['https://dash.example/prod-us', 'https://dash.example/prod-us'],
  ])(
    'attack: a dashboardUrl %j reaches the browser only as an http(s) link (%j)',
    async (dashboardUrl, link) => {
      const a = await app({}, dashboardUrl);
      const view = await request(a.server).get(
        '/entities/component/default/checkout',
      );
      expect(view.body.clusters[0].cluster.name).toBe('prod-us');
      expect(view.body.clusters[0].cluster.dashboardUrl).toBe(link);
    },
  );

  it('audits log reads, served and refused, with the cluster, pod, container and outcome', async () => {
    const a = await app();
    await request(a.server)
      .get(
        '/entities/component/default/checkout/clusters/prod-us/pods/shop/checkout-1/logs',
      )
      .set(asUser('user:default/alice'));
    await request(a.server)
      .get(
        '/entities/component/default/sneaky/clusters/prod-us/pods/kube-system/coredns-1/logs',
      )
      .set(asUser('user:default/mallory'));
    const calls = a.auditor.createEvent.mock.calls.map(c => c[0]);
    expect(calls).toEqual([
      expect.objectContaining({
        eventId: 'logs-read',
        request: expect.anything(),
        meta: expect.objectContaining({
          entityRef: 'component:default/checkout',
          cluster: 'prod-us',
          namespace: 'shop',
          pod: 'checkout-1',
        }),
      }),
      expect.objectContaining({
        eventId: 'logs-read',
        meta: expect.objectContaining({
          entityRef: 'component:default/sneaky',
          pod: 'coredns-1',
        }),
      }),
    ]);
    const [served, refused] = a.auditor.createEvent.mock.results.map(
      r => r.value,
    );
    const servedEvent = await served;
    const refusedEvent = await refused;
    expect(servedEvent.success).toHaveBeenCalledWith({
      meta: { container: 'app' },
    });
    expect(refusedEvent.fail).toHaveBeenCalledWith({
      error: expect.objectContaining({
        message: expect.stringMatching(/no positive equality term/),
      }),
    });
  });
});
