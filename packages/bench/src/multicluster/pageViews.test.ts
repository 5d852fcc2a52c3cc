import http from 'node:http';
import { AddressInfo } from 'node:net';
import { pageView } from './pageViews';

describe('pageView', () => {
  let server: http.Server;
  let answer: { status: number; body: unknown };
  let apiUrl: string;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise(r => server.close(r)));
  /** The next views are answered 200 with `body`. */
  const answerOk = (body: unknown) => {
    answer = { status: 200, body };
  };

  const ourCluster = (name: string, state: string) => ({
    cluster: { name },
    sync: { state },
    workloads: [
      {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'checkout',
        podPhases: { Running: 2, Pending: 1 },
      },
    ],
  });

  it('reads ours: workloads and pods per cluster', async () => {
    answerOk({
      incomplete: false,
      clusters: [ourCluster('a', 'ok'), ourCluster('b', 'ok')],
    });
    const view = await pageView('ours', apiUrl, 'checkout', ['a', 'b']);
    expect(view.failure).toBeUndefined();
    expect(view.content).toEqual({
      workloads: ['a/Deployment/shop/checkout', 'b/Deployment/shop/checkout'],
      podsByCluster: { a: 3, b: 3 },
    });
  });

  it('fails a view of ours with a cluster that is not ok, or incomplete, or missing', async () => {
    answerOk({
      incomplete: true,
      clusters: [ourCluster('a', 'ok'), ourCluster('b', 'timeout')],
    });
    expect(
      (await pageView('ours', apiUrl, 'checkout', ['a', 'b'])).failure,
    ).toBe('checkout: cluster b is timeout');
    answerOk({ incomplete: true, clusters: [ourCluster('a', 'ok')] });
    expect((await pageView('ours', apiUrl, 'checkout', ['a'])).failure).toBe(
      'checkout: incomplete is true',
    );
    expect(
      (await pageView('ours', apiUrl, 'checkout', ['a', 'b'])).failure,
    ).toBe('checkout: cluster b missing');
  });

  it('fails a non-2xx view', async () => {
    answer = { status: 503, body: {} };
    const view = await pageView('upstream', apiUrl, 'checkout', ['a']);
    expect(view.failure).toBe('checkout: HTTP 503');
    expect(view.ms).toBeGreaterThan(0);
  });

  it('reads upstream, counting a CronJob-owned Job as its CronJob, and fails on a cluster error', async () => {
    const meta = (name: string, owner?: string) => ({
      metadata: {
        namespace: 'shop',
        name,
        ...(owner && { ownerReferences: [{ kind: owner }] }),
      },
    });
    answerOk({
      items: [
        {
          cluster: { name: 'a' },
          errors: [],
          resources: [
            { type: 'pods', resources: [meta('p1'), meta('p2')] },
            { type: 'cronjobs', resources: [meta('sync')] },
            {
              type: 'jobs',
              resources: [meta('sync-1', 'CronJob'), meta('once')],
            },
            { type: 'replicasets', resources: [meta('rs')] },
          ],
        },
      ],
    });
    expect(
      (await pageView('upstream', apiUrl, 'checkout', ['a'])).content,
    ).toEqual({
      workloads: ['a/CronJob/shop/sync', 'a/Job/shop/once'],
      podsByCluster: { a: 2 },
    });
    answerOk({
      items: [
        {
          cluster: { name: 'a' },
          errors: [{ errorType: 'UNAUTHORIZED_ERROR', statusCode: 401 }],
          resources: [],
        },
      ],
    });
    expect(
      (await pageView('upstream', apiUrl, 'checkout', ['a'])).failure,
    ).toBe('checkout: cluster a: UNAUTHORIZED_ERROR 401');
  });
});
