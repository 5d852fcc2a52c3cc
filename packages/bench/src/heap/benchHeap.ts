import { Command } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startScaleCluster, ScaleShape } from '@kubeplatform/local-clusters';
import { machine, machineLoad } from '../shared/machine';
import { publishResult, runBench } from '../shared/benchRun';
import { ChildResult } from './childProtocol';
import { leastSquares } from './leastSquares';
import { measureInFreshProcess } from './measureProcess';
import {
  HeapResult,
  renderHeapSection,
  SLOPE_TARGET_BYTES,
} from './renderSection';
import {
  CACHE_AND_TABLES,
  POD_METRICS,
  sizeOf,
  watchCacheSizes,
} from './retainedSize';

const log = (message: string) =>
  process.stderr.write(`[bench:heap] ${message}\n`);

async function main() {
  const raw = new Command()
    .name('bench:heap')
    .description(
      'Heap the watch cache takes per production-shaped pod: fixed part and per-pod slope over fresh processes, heap-snapshot retained size, RSS with and without the cache.',
    )
    .option(
      '--sizes <list>',
      'scale-mode pods per measured cache',
      '1000,2500,5000',
    )
    .option('--repeats <n>', 'fresh processes per size', '2')
    .option('--shape <shape>', 'scale-mode pod shape', 'production')
    .parse()
    .opts();
  const sizes = String(raw.sizes)
    .split(',')
    .map(s => whole(s, '--sizes'))
    .sort((a, b) => a - b);
  const repeats = whole(raw.repeats, '--repeats');
  const shape = raw.shape as ScaleShape;
  if (shape !== 'production' && shape !== 'plain')
    throw new Error(`--shape must be plain or production, got ${raw.shape}`);
  if (new Set(sizes).size < 2)
    throw new Error('--sizes needs at least two sizes for a slope');

  const loadBefore = machineLoad();
  log(`machine load before: ${loadBefore.loadavg.join(' ')}`);
  const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-heap-'));
  const clusterStarted = Date.now();
  log(`starting a cluster of its own with ${sizes[0]} ${shape} pods`);
  const cluster = await startScaleCluster({
    name: 'bench-heap',
    pods: sizes[0],
    shape,
    log: line => log(`cluster: ${line}`),
  });
  const populateMs: Record<number, number> = {
    [sizes[0]]: Date.now() - clusterStarted,
  };
  const withRuns: Array<ChildResult & { scalePods: number }> = [];
  const withoutRuns: Array<ChildResult & { scalePods: number }> = [];
  const snapshots: HeapResult['snapshots'] = [];
  try {
    for (const size of sizes) {
      if (cluster.pods < size) {
        log(`growing the cluster to ${size} scale-mode pods`);
        populateMs[size] = await cluster.grow(size, n =>
          n % 500 < 50 ? log(`  ${n}/${size} running`) : undefined,
        );
      }
      const without = await measureInFreshProcess({
        appConfigPath: cluster.appConfigPath,
        mode: 'without',
      });
      withoutRuns.push({ ...without, scalePods: size });
      log(
        `${size}: without cache heap ${mib(without.after.heapUsed)} rss ${mib(
          without.after.rss,
        )}`,
      );
      for (let r = 0; r < repeats; r++) {
        const snapshotPath =
          r === 0
            ? path.join(snapshotDir, `cache-${size}.heapsnapshot`)
            : undefined;
        const run = await measureInFreshProcess({
          appConfigPath: cluster.appConfigPath,
          mode: 'with',
          snapshotPath,
        });
        if (run.states.some(s => !s.endsWith(':ok')))
          throw new Error(`the cache did not sync: ${run.states.join(', ')}`);
        withRuns.push({ ...run, scalePods: size });
        log(
          `${size}: ${run.pods} pods cached, heap +${mib(
            run.after.heapUsed - run.before.heapUsed,
          )} (${Math.round(
            (run.after.heapUsed - run.before.heapUsed) / run.pods,
          )} B/pod), rss ${mib(run.after.rss)}, synced in ${run.syncMs} ms`,
        );
        if (snapshotPath) {
          const sizesInSnapshot = watchCacheSizes(snapshotPath);
          fs.rmSync(snapshotPath, { force: true });
          snapshots.push({ pods: run.pods, ...sizesInSnapshot });
          log(
            `${size}: snapshot: ${sizesInSnapshot.sizes
              .map(s => `${s.what} retains ${mib(s.retainedBytes)}`)
              .join('; ')}`,
          );
        }
      }
    }
  } finally {
    fs.rmSync(snapshotDir, { recursive: true, force: true });
    log('deleting the cluster');
    await cluster.down().catch(e => log(`could not delete it: ${e.message}`));
  }
  const loadAfter = machineLoad();

  const heapFit = leastSquares(
    withRuns.map(r => [r.pods, r.after.heapUsed - r.before.heapUsed]),
  );
  const rssFit = leastSquares(withRuns.map(r => [r.pods, r.after.rss]));
  const retainedFit = leastSquares(
    snapshots.map(s => [s.pods, sizeOf(s, CACHE_AND_TABLES)]),
  );
  const metricsFit = leastSquares(
    snapshots.map(s => [s.pods, sizeOf(s, POD_METRICS)]),
  );
  const slope = Math.round(heapFit.slope);
  const fixedMiB = round1(heapFit.intercept / 2 ** 20);
  const summary = `heap: per-pod slope=${slope} bytes; fixed=${fixedMiB} MiB`;
  const result: HeapResult = {
    date: new Date().toISOString(),
    command: `yarn bench:heap --sizes ${sizes.join(
      ',',
    )} --repeats ${repeats} --shape ${shape}`,
    machine: machine(),
    load: { before: loadBefore, after: loadAfter },
    shape,
    sizes,
    repeats,
    populateMs,
    target: { slopeBytes: SLOPE_TARGET_BYTES },
    fits: {
      heapUsed: heapFit,
      rss: rssFit,
      snapshotRetained: retainedFit,
      podMetricsRetained: metricsFit,
    },
    withCache: withRuns,
    withoutCache: withoutRuns,
    snapshots,
    summary,
  };
  publishResult(
    'heap',
    'Heap per cached pod',
    result,
    renderHeapSection(result),
    log,
  );
}

function whole(value: unknown, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(
      `${option} takes whole numbers of at least 1, got ${value}`,
    );
  return n;
}

function mib(bytes: number) {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

function round1(n: number) {
  return Math.round(n * 10) / 10;
}

runBench('heap', main);
