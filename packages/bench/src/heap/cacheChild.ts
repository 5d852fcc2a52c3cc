/**
 * One measurement of `yarn bench:heap`, in a process of its own (started by measureProcess.ts
 * with --expose-gc): loads the watch cache's code, builds the cache from the given app-config as
 * the backend does, waits until it is synced, and prints what the heap and the process hold after
 * forced garbage collections, as one JSON line. With `mode: "without"` it loads the same code and
 * builds the clusters service but no cache.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { TrimmedPod } from '@kubeplatform/clusters-common';
import {
  DefaultClustersService,
  readWatchCacheOptions,
  WatchCache,
} from '@kubeplatform/clusters-node';
import { cacheDiagnostics } from '@kubeplatform/clusters-node/alpha';
import fs from 'node:fs';
import v8 from 'node:v8';
import { parse } from 'yaml';
import {
  ChildRequest,
  ChildResult,
  MemoryFigures,
  RecordSharing,
  RESULT_PREFIX,
} from './childProtocol';

const gc = (globalThis as { gc?: () => void }).gc;
/** Logs nothing (level `none`): the bench measures the cache, not its log lines. */
const silentLogger = mockServices.rootLogger();

/** Heap and process memory after full collections, once nothing is left to free. */
async function settled(): Promise<MemoryFigures> {
  for (let i = 0; i < 6; i++) {
    gc!();
    await new Promise(resolve => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  return {
    heapUsed: m.heapUsed,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    rss: m.rss,
  };
}

/** How many distinct objects the cached pods' conditions and container statuses are. */
function recordSharing(pods: TrimmedPod[]): RecordSharing {
  const seen = {
    conditionLists: new Set<object>(),
    conditions: new Set<object>(),
    containerStatusLists: new Set<object>(),
    containerStatuses: new Set<object>(),
    containerStates: new Set<object>(),
    podStatuses: new Set<object>(),
  };
  const out = Object.fromEntries(
    Object.keys(seen).map(k => [k, { references: 0, distinct: 0 }]),
  ) as RecordSharing;
  const count = (kind: keyof RecordSharing, value: object | undefined) => {
    if (!value) return;
    out[kind].references++;
    seen[kind].add(value);
  };
  for (const pod of pods) {
    count('podStatuses', pod.status);
    count('conditionLists', pod.status?.conditions);
    for (const c of pod.status?.conditions ?? []) count('conditions', c);
    for (const list of [
      pod.status?.containerStatuses,
      pod.status?.initContainerStatuses,
    ]) {
      count('containerStatusLists', list);
      for (const s of list ?? []) {
        count('containerStatuses', s);
        count('containerStates', s.state);
        count('containerStates', s.lastState);
      }
    }
  }
  for (const kind of Object.keys(seen) as Array<keyof RecordSharing>)
    out[kind].distinct = seen[kind].size;
  return out;
}

/**
 * Waits (at most 75 s: the reader fetches every 30 s) until 95% of the cached pods have a
 * usage sample, or the clusters' metrics are not there to wait for; returns how many have one.
 */
async function waitForUsage(cache: WatchCache): Promise<number> {
  const deadline = Date.now() + 75_000;
  for (;;) {
    const watchers = cache.list();
    let pods = 0;
    let withUsage = 0;
    for (const w of watchers)
      for (const pod of w.list('pods')) {
        pods++;
        const { namespace, name } = pod.metadata ?? {};
        if (namespace && name && w.podUsage(namespace, name)) withUsage++;
      }
    const waiting = watchers.some(w =>
      ['ok', 'pending'].includes(w.metricsStatus().state),
    );
    if (withUsage >= 0.95 * pods || !waiting || Date.now() > deadline)
      return withUsage;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

async function main() {
  if (!gc) throw new Error('run with --expose-gc');
  const request: ChildRequest = JSON.parse(process.argv[2]);
  const config = new ConfigReader(
    parse(fs.readFileSync(request.appConfigPath, 'utf8')),
  );
  const clusters = DefaultClustersService.fromConfig(config, silentLogger);
  const before = await settled();
  const started = Date.now();
  let cache: WatchCache | undefined;
  if (request.mode === 'with') {
    cache = new WatchCache(
      clusters,
      readWatchCacheOptions(config),
      silentLogger,
    );
    await cache.start();
    await cache.waitForSync(600_000);
  }
  const syncMs = Date.now() - started;
  // Let the watch events that follow a sync (status writes the list just missed) arrive.
  await new Promise(resolve => setTimeout(resolve, 3000));
  // The reader's first fetch races the first list of pods; from its next fetch (every 30 s) on,
  // a backend keys each sample by the cached pod's own name. Measured in that steady state.
  if (cache)
    await Promise.all(
      cache.list().map(w => cacheDiagnostics(w).refreshMetrics()),
    );
  // The pod-metrics reader holds a sample per pod once metrics-server has one: measured
  // without them, a fresh cluster's smallest size would weigh less than it will a minute later.
  const podsWithUsage = cache ? await waitForUsage(cache) : 0;
  const after = await settled();
  const watchers = cache?.list() ?? [];
  const objects: Record<string, number> = {};
  for (const w of watchers)
    for (const [type, n] of Object.entries(cacheDiagnostics(w).counts()))
      objects[type] = (objects[type] ?? 0) + n;
  const result: ChildResult = {
    mode: request.mode,
    before,
    after,
    syncMs,
    pods: watchers.reduce((n, w) => n + w.list('pods').length, 0),
    objects,
    states: watchers.map(w => `${w.identity.name}:${w.status().state}`),
    podsWithUsage,
  };
  if (cache)
    result.sharing = recordSharing(watchers.flatMap(w => w.list('pods')));
  if (request.snapshotPath) {
    v8.writeHeapSnapshot(request.snapshotPath);
    result.snapshotPath = request.snapshotPath;
  }
  cache?.stop();
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
