import { ConfigReader } from '@backstage/config';
import {
  DefaultClustersService,
  readWatchCacheOptions,
  WatchCache,
} from '@kubeplatform/clusters-node';
import {
  cacheDiagnostics,
  clearInternTables,
} from '@kubeplatform/clusters-node/alpha';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc: () => void = vm.runInNewContext('gc');

function settledHeap(): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

const silentLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
};

/**
 * The heap the watch cache takes for the fleet, per cached pod: the cache alone, built from the
 * same config as the backend, measured after full garbage collections. Everything the cache holds
 * (ReplicaSets, events, indexes, connections) is charged to the pods.
 */
export async function measureCacheHeap(config: object) {
  const reader = new ConfigReader(config);
  const build = () =>
    new WatchCache(
      DefaultClustersService.fromConfig(reader, silentLogger),
      readWatchCacheOptions(reader),
      silentLogger,
    );
  // A first pass loads and compiles the code the cache runs (client-node, TLS, readline), which a
  // running backend pays once whatever the fleet size; only the second pass is measured.
  const coldBefore = settledHeap();
  const warmup = build();
  await warmup.start();
  await warmup.waitForSync(300_000);
  const coldBytes = settledHeap() - coldBefore;
  warmup.stop();
  // The shared strings and shapes are the cache's data: the measured pass builds them again.
  clearInternTables();

  const before = settledHeap();
  const cache = build();
  await cache.start();
  await cache.waitForSync(300_000);
  const after = settledHeap();
  const pods = cache.list().reduce((n, w) => n + w.list('pods').length, 0);
  const objects = cache
    .list()
    .reduce(
      (n, w) =>
        n +
        Object.values(cacheDiagnostics(w).counts()).reduce((a, b) => a + b, 0),
      0,
    );
  const states = cache
    .list()
    .map(w => `${w.identity.name}:${w.status().state}`);
  cache.stop();
  return {
    bytes: after - before,
    pods,
    objects,
    states,
    bytesPerPod: pods ? (after - before) / pods : NaN,
    /** The first pass, with code loading: an upper bound. */
    coldBytesPerPod: pods ? coldBytes / pods : NaN,
  };
}
