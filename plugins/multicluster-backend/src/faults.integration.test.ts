import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityView } from '@kubeplatform/clusters-common';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import net from 'node:net';
import {
  fleetConfig,
  serviceEntity,
  startFleetBackend,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { cacheDiagnostics } from '@kubeplatform/clusters-node/alpha';
import { multiclusterPlugin } from './plugin';
import { eventually } from './__testUtils__/eventually';
import { TcpProxy } from './__testUtils__/tcpProxy';

/**
 * Failures as data, against the real local fleet. A cluster is "killed" and restored by cutting
 * its network path with a TCP proxy, because the fleet's apiservers are shared with other tests.
 */
jest.setTimeout(120_000);

let fleet: LocalFleet;
const started: Array<{ stop(): Promise<void> }> = [];
const output: string[] = [];
const responses: string[] = [];

beforeAll(async () => {
  fleet = await loadLocalFleet();
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    jest
      .spyOn(stream, 'write')
      .mockImplementation((chunk: any, ...rest: any[]) => {
        output.push(String(chunk));
        return original(chunk, ...rest);
      });
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level];
    jest.spyOn(console, level).mockImplementation((...args: any[]) => {
      output.push(args.map(String).join(' '));
      original(...args);
    });
  }
});

const proxies: TcpProxy[] = [];
afterEach(() => Promise.all(proxies.splice(0).map(p => p.kill())));

afterAll(async () => {
  await Promise.all(started.map(b => b.stop()));
  jest.restoreAllMocks();
});

async function start(
  config: object,
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const backend = await startFleetBackend({
    features: [multiclusterPlugin],
    config,
    entities: [serviceEntity('checkout'), serviceEntity('search')],
    permission,
  });
  started.push(backend);
  await backend.cache.start();
  return backend;
}

/** A proxy in front of prod-us's API server, killed after the test. */
async function proxyToProd() {
  const proxy = await TcpProxy.inFrontOf(fleet.cluster('prod-us').server);
  proxies.push(proxy);
  return proxy;
}

/** A backend that reaches dev-eu directly and prod-us through `proxy`. */
function startWithProdBehind(proxy: TcpProxy) {
  return start(
    fleetConfig([
      { cluster: fleet.cluster('dev-eu') },
      { cluster: fleet.cluster('prod-us'), url: proxy.url },
    ]),
  );
}

/** A read of a view: its HTTP status and body. */
type ViewRead = { status: number; body: EntityView };

/** Reads the checkout view until `ok` holds or `timeoutMs` passed; returns the last read. */
function viewWhen(
  backend: { apiUrl(pluginId: string): string },
  ok: (v: ViewRead) => boolean,
  timeoutMs: number,
) {
  return eventually(() => view(backend.apiUrl('multicluster')), ok, timeoutMs);
}

async function view(baseUrl: string, name = 'checkout'): Promise<ViewRead> {
  const res = await fetch(`${baseUrl}/entities/component/default/${name}`);
  const text = await res.text();
  responses.push(text);
  return { status: res.status, body: JSON.parse(text) };
}

const clusterOf = (v: EntityView, name: string) =>
  v.clusters.find(c => c.cluster.name === name);

/** The view shows both clusters, each in sync state `state`. */
const bothAre = (state: string) => (v: ViewRead) =>
  v.body.clusters.length === 2 &&
  v.body.clusters.every(c => c.sync.state === state);

/** The view shows prod-us in sync state `state`. */
const prodIs = (state: string) => (v: ViewRead) =>
  clusterOf(v.body, 'prod-us')?.sync.state === state;

describe('failures as data on the local fleet', () => {
  it('marks a killed cluster unreachable with its stale data, serves the other, and recovers', async () => {
    const proxy = await proxyToProd();
    const backend = await startWithProdBehind(proxy);
    const synced = await viewWhen(backend, bothAre('ok'), 20_000);
    expect(synced.body.incomplete).toBe(false);
    const workloadsBefore = clusterOf(synced.body, 'prod-us')!.workloads.map(
      w => w.name,
    );
    expect(workloadsBefore).toContain('checkout');

    await proxy.kill();
    const down = await viewWhen(backend, prodIs('unreachable'), 15_000);
    expect(down.status).toBe(200);
    const prodDown = clusterOf(down.body, 'prod-us')!;
    expect(prodDown.sync.state).toBe('unreachable');
    expect(prodDown.sync.reason).toMatch(
      /ECONNREFUSED|ECONNRESET|socket hang up|failed/,
    );
    expect(prodDown.sync.lastSyncedAt).toBeDefined();
    expect(prodDown.sync.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(prodDown.workloads.map(w => w.name)).toEqual(workloadsBefore);
    expect(down.body.incomplete).toBe(true);
    expect(clusterOf(down.body, 'dev-eu')!.sync.state).toBe('ok');

    await new Promise(r => setTimeout(r, 2000));
    const aged = await view(backend.apiUrl('multicluster'));
    expect(
      clusterOf(aged.body, 'prod-us')!.sync.ageSeconds,
    ).toBeGreaterThanOrEqual(2);

    await proxy.restore();
    const back = await viewWhen(backend, prodIs('ok'), 20_000);
    expect(clusterOf(back.body, 'prod-us')!.sync.state).toBe('ok');
    expect(back.body.incomplete).toBe(false);
  });

  it('notices a cluster that freezes with its watches open: timeout, stale data kept, then recovers', async () => {
    const proxy = await proxyToProd();
    const backend = await startWithProdBehind(proxy);
    await viewWhen(backend, prodIs('ok'), 20_000);
    proxy.freeze();
    const frozenAt = Date.now();
    const frozen = await viewWhen(backend, prodIs('timeout'), 20_000);
    const prodFrozen = clusterOf(frozen.body, 'prod-us')!;
    expect(prodFrozen.sync.state).toBe('timeout');
    // Health probe every 1 s, request timeout 3 s: noticed in seconds, not at the watch's end.
    expect(Date.now() - frozenAt).toBeLessThan(15_000);
    expect(prodFrozen.workloads.map(w => w.name)).toContain('checkout');
    expect(clusterOf(frozen.body, 'dev-eu')!.sync.state).toBe('ok');

    await proxy.restore();
    const back = await viewWhen(backend, prodIs('ok'), 30_000);
    expect(clusterOf(back.body, 'prod-us')!.sync.state).toBe('ok');
  });

  it('marks a cluster that hangs as timeout, one that refuses as unreachable, and keeps serving', async () => {
    const hanging = await proxyToProd();
    hanging.hang();
    const closedPort = await freePort();
    const backend = await start(
      fleetConfig([
        { cluster: fleet.cluster('prod-us'), url: hanging.url },
        {
          cluster: fleet.cluster('dev-eu'),
          url: `https://127.0.0.1:${closedPort}`,
        },
      ]),
    );
    const startedAt = Date.now();
    const result = await viewWhen(
      backend,
      v =>
        clusterOf(v.body, 'prod-us')?.sync.state === 'timeout' &&
        clusterOf(v.body, 'dev-eu')?.sync.state === 'unreachable',
      15_000,
    );
    expect(result.status).toBe(200);
    expect(clusterOf(result.body, 'prod-us')!.sync.state).toBe('timeout');
    expect(clusterOf(result.body, 'dev-eu')!.sync.state).toBe('unreachable');
    expect(clusterOf(result.body, 'prod-us')!.health).toBe('unknown');
    // The per-cluster timeout is 3 s in this config; the view did not wait for it.
    expect(Date.now() - startedAt).toBeLessThan(15_000);
  });

  it('reports a bad token and a bad CA as unauthorized, distinct from forbidden', async () => {
    const otherCa = fleet.cluster('dev-eu').caData;
    const backend = await start(
      fleetConfig([
        {
          cluster: fleet.cluster('prod-us'),
          rawToken: 'not-a-valid-token-5f2e9c',
        },
        {
          cluster: fleet.cluster('dev-eu'),
          caData: fleet.cluster('prod-us').caData,
        },
      ]),
    );
    expect(otherCa).not.toBe(fleet.cluster('prod-us').caData);
    const result = await viewWhen(backend, bothAre('unauthorized'), 15_000);
    expect(result.status).toBe(200);
    expect(clusterOf(result.body, 'prod-us')!.sync.reason).toMatch(/401/);
    expect(clusterOf(result.body, 'dev-eu')!.sync.reason).toMatch(
      /TLS certificate is not trusted/,
    );
  });

  it('gives the namespace-limited service account a view with forbidden marked, not a 500', async () => {
    const prod = fleet.cluster('prod-us');
    const backend = await start(
      fleetConfig([
        {
          cluster: prod,
          token: 'limited',
          namespaces: [...prod.limitedNamespaces, 'discovery'],
        },
      ]),
    );
    const result = await viewWhen(
      backend,
      v =>
        clusterOf(v.body, 'prod-us')?.sync.state === 'forbidden' &&
        (clusterOf(v.body, 'prod-us')?.workloads.length ?? 0) > 0,
      15_000,
    );
    expect(result.status).toBe(200);
    const c = clusterOf(result.body, 'prod-us')!;
    expect(c.sync.state).toBe('forbidden');
    expect(c.sync.partial!.length).toBeGreaterThan(0);
    expect(
      c.sync.partial!.every(
        p => p.namespace === 'discovery' && p.state === 'forbidden',
      ),
    ).toBe(true);
    expect(c.workloads.map(w => w.name)).toContain('checkout');
    expect(result.body.incomplete).toBe(true);

    const search = await view(backend.apiUrl('multicluster'), 'search');
    expect(search.status).toBe(200);
    expect(clusterOf(search.body, 'prod-us')!.sync.state).toBe('forbidden');
  });

  it('relists after a forced 410 Gone without losing objects', async () => {
    const backend = await start(
      fleetConfig([{ cluster: fleet.cluster('prod-us') }]),
    );
    await backend.cache.waitForSync(20_000);
    const watcher = backend.cache.get('prod-us')!;
    const uidsBefore = new Set(watcher.list('pods').map(p => p.metadata!.uid));
    expect(uidsBefore.size).toBeGreaterThan(0);
    const listsBefore = cacheDiagnostics(watcher).listCounts().pods;

    // Re-open the pods watch from resourceVersion 1: the real apiserver answers 410 Expired.
    // The version is set when ListWatch reconnects, so no event in flight can overwrite it.
    const unit = (watcher as any).units.get('pods')[0];
    // With thousands of pods the watch opens a moment after the list: wait for it.
    await eventually(
      async () => unit.informer.request,
      r => r !== undefined,
      15_000,
    );
    let forced = false;
    unit.informer.on('connect', () => {
      if (forced) return;
      forced = true;
      unit.informer.resourceVersion = '1';
    });
    unit.informer.request?.abort();

    await eventually(
      async () => cacheDiagnostics(watcher).listCounts().pods,
      n => n > listsBefore,
      15_000,
    );
    expect(cacheDiagnostics(watcher).listCounts().pods).toBe(listsBefore + 1);
    const uidsAfter = new Set(watcher.list('pods').map(p => p.metadata!.uid));
    expect([...uidsBefore].filter(uid => !uidsAfter.has(uid))).toEqual([]);
    expect(uidsAfter.size).toBe(uidsBefore.size);
    expect(watcher.status().state).toBe('ok');
  });

  it('never puts a token in a response, a log line or an error message', async () => {
    const secrets = [
      'not-a-valid-token-5f2e9c',
      ...fleet.clusters.flatMap(c => [c.tokens.reader, c.tokens.limited]),
    ];
    const everything = [...responses, ...output].join('\n');
    expect(responses.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      expect(everything.includes(secret)).toBe(false);
    }
  });

  it('answers 403 when the permission policy denies multicluster.view.read', async () => {
    const backend = await start(
      fleetConfig([{ cluster: fleet.cluster('prod-us') }]),
      AuthorizeResult.DENY,
    );
    const res = await fetch(
      `${backend.apiUrl('multicluster')}/entities/component/default/checkout`,
    );
    expect(res.status).toBe(403);
    const stream = await fetch(
      `${backend.apiUrl(
        'multicluster',
      )}/entities/component/default/checkout/stream`,
    );
    expect(stream.status).toBe(403);
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>(r => server.close(() => r()));
  return port;
}
