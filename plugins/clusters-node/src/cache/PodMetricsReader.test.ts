import { json, startMockApiServer } from '../__testUtils__/mockApiServer';
import { connectionTo, until } from '../__testUtils__/mockConnection';
import { KubernetesConnection } from '../connection/KubernetesConnection';
import { PodMetricsReader, PodMetricsReaderOptions } from './PodMetricsReader';

// PodMetrics as metrics-server v0.8.0 serves them on the local fleet (prod-us), captured with
// `kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/<ns>/pods`.
const CHECKOUT = {
  metadata: {
    name: 'checkout-5f8fb8fdb7-7kzkf',
    namespace: 'shop',
    creationTimestamp: '2026-12-01T22:09:28Z',
    labels: {
      'app.kubernetes.io/component': 'server',
      'app.kubernetes.io/name': 'checkout',
      'app.kubernetes.io/part-of': 'kubeplatform-demo',
      'backstage.io/kubernetes-id': 'checkout',
      'kubeplatform.io/simulate': 'crashloop',
      'pod-template-hash': '5f8fb8fdb7',
    },
  },
  timestamp: '2026-12-01T22:09:15Z',
  window: '15.005s',
  containers: [
    { name: 'checkout', usage: { cpu: '250103110n', memory: '180Mi' } },
  ],
};
const NOTIFICATIONS = {
  metadata: {
    name: 'notifications-56b64fd79-bslm5',
    namespace: 'discovery',
    creationTimestamp: '2026-12-01T22:09:29Z',
    labels: {
      'app.kubernetes.io/component': 'server',
      'app.kubernetes.io/name': 'notifications',
      'app.kubernetes.io/part-of': 'kubeplatform-demo',
      'backstage.io/kubernetes-id': 'notifications',
      'kubeplatform.io/simulate': 'oom-killed',
      'pod-template-hash': '56b64fd79',
    },
  },
  timestamp: '2026-12-01T22:09:15Z',
  window: '14.993s',
  containers: [
    { name: 'notifications', usage: { cpu: '2001025n', memory: '236Mi' } },
  ],
};

const metricsList = (items: unknown[]) => ({
  kind: 'PodMetricsList',
  apiVersion: 'metrics.k8s.io/v1beta1',
  metadata: {},
  items,
});

const METRICS = '/apis/metrics.k8s.io/v1beta1';

describe('PodMetricsReader', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  const readers: PodMetricsReader[] = [];
  afterEach(async () => {
    readers.splice(0).forEach(r => r.stop());
    await Promise.all(servers.splice(0).map(s => s.close()));
  });

  /** A mock API server answering metrics requests by path through `answer`. */
  async function serve(answer: (path: string) => [number, unknown]) {
    const server = await startMockApiServer((_req, url, res) => {
      const [status, body] = answer(url.pathname);
      json(res, status, body);
    });
    servers.push(server);
    return server;
  }

  function readerFor(
    connection: KubernetesConnection,
    options: Partial<PodMetricsReaderOptions> = {},
  ) {
    const changes = { count: 0 };
    const reader = new PodMetricsReader(connection, {
      intervalMs: 60_000,
      requestTimeoutMs: 2_000,
      onChange: () => {
        changes.count++;
      },
      ...options,
    });
    readers.push(reader);
    return { reader, changes };
  }

  it('is pending before the first fetch, then ok with the figures as numbers', async () => {
    const server = await serve(() => [
      200,
      metricsList([CHECKOUT, NOTIFICATIONS]),
    ]);
    const { reader, changes } = readerFor(connectionTo(server.url));
    expect(reader.status()).toEqual({ state: 'pending' });

    await reader.fetch();

    expect(reader.status()).toEqual({
      state: 'ok',
      fetchedAt: expect.any(String),
    });
    expect(reader.get('shop', 'checkout-5f8fb8fdb7-7kzkf')).toEqual({
      timestamp: '2026-12-01T22:09:15Z',
      windowSeconds: 15.005,
      containers: [
        { name: 'checkout', cpuMillicores: 250, memoryBytes: 180 * 2 ** 20 },
      ],
    });
    expect(reader.get('discovery', 'notifications-56b64fd79-bslm5')).toEqual(
      expect.objectContaining({
        containers: [
          {
            name: 'notifications',
            cpuMillicores: 2,
            memoryBytes: 236 * 2 ** 20,
          },
        ],
      }),
    );
    expect(reader.get('shop', 'no-such-pod')).toBeUndefined();
    expect(reader.size()).toBe(2);
    expect(changes.count).toBe(1);
  });

  it('keys samples by the name the cache holds, and still keeps those of pods it does not hold yet', async () => {
    const server = await serve(() => [
      200,
      metricsList([CHECKOUT, NOTIFICATIONS]),
    ]);
    const asked: string[] = [];
    const { reader } = readerFor(connectionTo(server.url), {
      // The cache holds checkout only.
      cachedPodName: (namespace, name) => {
        asked.push(`${namespace}/${name}`);
        return name === CHECKOUT.metadata.name ? `${name}` : undefined;
      },
    });

    await reader.fetch();

    expect(asked).toEqual([
      'shop/checkout-5f8fb8fdb7-7kzkf',
      'discovery/notifications-56b64fd79-bslm5',
    ]);
    expect(reader.size()).toBe(2);
    expect(
      reader.get('shop', 'checkout-5f8fb8fdb7-7kzkf')?.containers[0],
    ).toEqual({
      name: 'checkout',
      cpuMillicores: 250,
      memoryBytes: 180 * 2 ** 20,
    });
    expect(
      reader.get('discovery', 'notifications-56b64fd79-bslm5')?.containers,
    ).toHaveLength(1);
    expect(
      reader.get('discovery', 'checkout-5f8fb8fdb7-7kzkf'),
    ).toBeUndefined();
  });

  it('reads cluster-wide without namespaces, and each namespace when given', async () => {
    const server = await serve(path =>
      path.includes('/namespaces/discovery/')
        ? [200, metricsList([NOTIFICATIONS])]
        : [200, metricsList([CHECKOUT])],
    );
    const wide = readerFor(connectionTo(server.url)).reader;
    await wide.fetch();
    expect(server.requests.map(r => r.path)).toEqual([`${METRICS}/pods`]);

    server.requests.length = 0;
    const scoped = readerFor(connectionTo(server.url), {
      namespaces: ['shop', 'discovery'],
    }).reader;
    await scoped.fetch();
    expect(server.requests.map(r => r.path)).toEqual([
      `${METRICS}/namespaces/shop/pods`,
      `${METRICS}/namespaces/discovery/pods`,
    ]);
    expect(scoped.size()).toBe(2);
    expect(scoped.status().state).toBe('ok');
  });

  it('says a cluster without metrics.k8s.io (404) is unavailable and asks whether metrics-server is installed', async () => {
    const server = await serve(() => [
      404,
      { kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404 },
    ]);
    const { reader, changes } = readerFor(connectionTo(server.url));
    await reader.fetch();
    expect(reader.status()).toEqual({
      state: 'unavailable',
      reason:
        'the cluster serves no metrics.k8s.io API (is metrics-server installed?)',
    });
    expect(reader.size()).toBe(0);
    expect(changes.count).toBe(1);

    // The same failure again is no change.
    await reader.fetch();
    expect(changes.count).toBe(1);
  });

  it('says a registered but unanswering metrics API (503) is unavailable, with the status', async () => {
    const server = await serve(() => [
      503,
      {
        kind: 'Status',
        message: 'the server is currently unable to handle the request',
      },
    ]);
    const { reader } = readerFor(connectionTo(server.url));
    await reader.fetch();
    expect(reader.status().state).toBe('unavailable');
    expect(reader.status().reason).toMatch(
      /^metrics\.k8s\.io is registered but its server does not answer \(.*HTTP 503/,
    );
  });

  it('stays ok when some namespaces answer, with the failures as the reason', async () => {
    const server = await serve(path =>
      path.includes('/namespaces/secret/')
        ? [403, { kind: 'Status', message: 'forbidden' }]
        : [200, metricsList([CHECKOUT])],
    );
    const { reader } = readerFor(connectionTo(server.url), {
      namespaces: ['shop', 'secret'],
    });
    await reader.fetch();
    expect(reader.status()).toEqual({
      state: 'ok',
      fetchedAt: expect.any(String),
      reason: expect.stringContaining('HTTP 403'),
    });
    expect(reader.get('shop', 'checkout-5f8fb8fdb7-7kzkf')).toBeDefined();
  });

  it('never fetches a skipped cluster, or when the interval is 0', async () => {
    const server = await serve(() => [200, metricsList([CHECKOUT])]);
    const skipped = readerFor(connectionTo(server.url), {
      skipReason: 'skipMetricsLookup is set for this cluster',
    }).reader;
    const off = readerFor(connectionTo(server.url), { intervalMs: 0 }).reader;
    for (const reader of [skipped, off]) {
      reader.start();
      await reader.fetch();
    }
    expect(server.requests).toEqual([]);
    expect(skipped.status()).toEqual({
      state: 'skipped',
      reason: 'skipMetricsLookup is set for this cluster',
    });
    expect(off.status()).toEqual({
      state: 'skipped',
      reason: expect.stringContaining('metricsIntervalSeconds is 0'),
    });
  });

  it('drops the old figures when a later fetch fails, so none look current', async () => {
    let failing = false;
    const server = await serve(() =>
      failing
        ? [503, { kind: 'Status', message: 'unavailable' }]
        : [200, metricsList([CHECKOUT])],
    );
    const { reader, changes } = readerFor(connectionTo(server.url));
    await reader.fetch();
    expect(reader.get('shop', 'checkout-5f8fb8fdb7-7kzkf')).toBeDefined();

    failing = true;
    await reader.fetch();
    expect(reader.status().state).toBe('unavailable');
    expect(reader.get('shop', 'checkout-5f8fb8fdb7-7kzkf')).toBeUndefined();
    expect(reader.size()).toBe(0);
    expect(changes.count).toBe(2);

    failing = false;
    await reader.fetch();
    expect(reader.status().state).toBe('ok');
    expect(reader.get('shop', 'checkout-5f8fb8fdb7-7kzkf')).toBeDefined();
  });

  it('fetches at the interval once started', async () => {
    const server = await serve(() => [200, metricsList([CHECKOUT])]);
    const { reader } = readerFor(connectionTo(server.url), { intervalMs: 20 });
    reader.start();
    await until(() => server.requests.length >= 3);
    expect(reader.status().state).toBe('ok');
  });

  it('shares one fetch between callers', async () => {
    const server = await serve(() => [200, metricsList([CHECKOUT])]);
    const { reader } = readerFor(connectionTo(server.url));
    await Promise.all([reader.fetch(), reader.fetch(), reader.fetch()]);
    expect(server.requests).toHaveLength(1);
  });

  it('takes no answer after stop(): no figures, no change, no more requests', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>(r => {
      release = r;
    });
    const server = await startMockApiServer(async (_req, _url, res) => {
      await held;
      json(res, 200, metricsList([CHECKOUT]));
    });
    servers.push(server);
    const { reader, changes } = readerFor(connectionTo(server.url), {
      intervalMs: 20,
    });
    reader.start();
    await until(() => server.requests.length === 1);
    reader.stop();
    const inFlight = reader.fetch();
    release();
    await inFlight;

    expect(reader.status()).toEqual({ state: 'pending' });
    expect(reader.size()).toBe(0);
    expect(changes.count).toBe(0);
    await new Promise(r => setTimeout(r, 100));
    expect(server.requests).toHaveLength(1);
  });
});
