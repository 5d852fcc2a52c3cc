import { build, Plugin } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { machine, machineLoad } from '../shared/machine';
import { benchCommand, publishResult, runBench } from '../shared/benchRun';
import { ensureChromium } from '../shared/prerequisites';
import { repoRoot } from '../shared/results';
import {
  bundleForBrowser,
  chromiumLaunchOptions,
} from '../shared/browserBundle';
import { benchEntity, buildDataset, NAMESPACE, SERVICE } from './dataset';
import {
  ContenderRun,
  renderMulticlusterUiSection,
  UiResult,
} from './renderSection';
import type { BenchData, Contender } from './renderTab';

/** Libraries every Backstage app already ships; left out of the plugins' chunk sizes. */
const SHARED = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-router',
  'react-router-dom',
  '@material-ui/*',
  '@backstage/core-components',
  '@backstage/core-plugin-api',
  '@backstage/core-compat-api',
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog-react',
  '@backstage/plugin-catalog-react/*',
  '@backstage/catalog-model',
  '@backstage/errors',
  '@backstage/theme',
  '@backstage/ui',
  '@backstage/types',
  '@backstage/version-bridge',
  '@backstage/plugin-permission-react',
  '@backstage/plugin-permission-common',
  'react-use',
  'react-use/*',
  'lodash',
  'luxon',
];

const log = (message: string) =>
  process.stderr.write(`[bench:multicluster-ui] ${message}\n`);

declare global {
  interface Window {
    multiclusterBench: typeof import('./renderTab');
  }
}

/** Resolves react-dom (and react-dom/client) to the profiling build so Profiler works in production. */
const profilingReactDom: Plugin = {
  name: 'react-dom-profiling',
  setup(b) {
    b.onResolve({ filter: /^react-dom(\/client)?$/ }, () => ({
      path: require.resolve('react-dom/profiling'),
    }));
  },
};

async function main() {
  const { runs, clusters, pods, workloads } = benchCommand(
    'multicluster-ui',
    "One service on many clusters in headless Chromium: our Clusters tab and drawer pods table against @backstage/plugin-kubernetes's entity content and pods table, same data, same run.",
    {
      runs: ['--runs <n>', 'measured runs per contender, after one warm-up', 7],
      clusters: ['--clusters <n>', 'clusters', 20],
      pods: ['--pods <n>', 'pods of the service per cluster', 200],
      workloads: [
        '--workloads <n>',
        'Deployments of the service per cluster',
        4,
      ],
    },
  );
  const options = {
    clusters,
    workloadsPerCluster: workloads,
    podsPerWorkload: Math.round(pods / workloads),
  };
  ensureChromium();

  const loadBefore = machineLoad();
  log(`machine load before: ${loadBefore.loadavg.join(' ')}`);
  const dataset = buildDataset(options);
  log(
    `${dataset.pods} pods on ${
      options.clusters
    } clusters; upstream's answer ${kb(dataset.bytes.upstream)}, ours ${kb(
      dataset.bytes.ours,
    )}`,
  );
  const code = await bundleForBrowser(
    'src/multicluster-ui/renderTab.tsx',
    'multiclusterBench',
    [profilingReactDom],
  );
  const measured = await measureInChromium(code, runs, {
    entity: benchEntity,
    clusters: options.clusters,
    ours: dataset.ours,
    upstream: dataset.upstream,
    podNamePrefix: `${SERVICE}-7d9f8c6b0-`,
  });
  const chunks = {
    ours: await chunkBytes(
      path.join(repoRoot(), 'plugins/multicluster/src/alpha.tsx'),
    ),
    upstream: await chunkBytes(
      require.resolve('@backstage/plugin-kubernetes/alpha'),
    ),
  };
  const loadAfter = machineLoad();

  const ours = summarise(measured.ours);
  const upstream = summarise(measured.upstream);
  const ratio = round1(upstream.totalCpuMs.median / ours.totalCpuMs.median);
  const summary = `multicluster-ui: ours=${round1(
    ours.totalCpuMs.median,
  )} ms upstream=${round1(
    upstream.totalCpuMs.median,
  )} ms; upstream/ours=${ratio}`;
  const result: UiResult = {
    date: new Date().toISOString(),
    command: `yarn bench:multicluster-ui --runs ${runs} --clusters ${
      options.clusters
    } --pods ${
      options.podsPerWorkload * options.workloadsPerCluster
    } --workloads ${options.workloadsPerCluster}`,
    machine: machine(),
    load: { before: loadBefore, after: loadAfter },
    environment: `headless Chromium ${measured.browserVersion}`,
    options,
    namespace: NAMESPACE,
    pods: dataset.pods,
    answerBytes: dataset.bytes,
    answerParseMs: {
      ours: round1(measured.parseMs.ours),
      upstream: round1(measured.parseMs.upstream),
    },
    runs,
    ours,
    upstream,
    ratio,
    chunks,
    sharedLibraries: SHARED,
    summary,
  };
  publishResult(
    'multicluster-ui',
    'Multi-cluster service view, frontend',
    result,
    renderMulticlusterUiSection(result),
    log,
  );
}

/**
 * Both contenders in one page of one Chromium, interleaved run by run (the order alternates), so
 * a busy moment on the machine falls on both. The first round warms up the JIT and style sheets.
 */
async function measureInChromium(
  code: string,
  runs: number,
  data: BenchData,
): Promise<{
  browserVersion: string;
  parseMs: { ours: number; upstream: number };
  ours: ContenderRun[];
  upstream: ContenderRun[];
}> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
    });
    // A real origin, so that localStorage (used by the app's storage API) is available.
    await page.route('http://bench.localhost/', route =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html><body></body></html>',
      }),
    );
    await page.goto('http://bench.localhost/');
    await page.addScriptTag({ content: code });
    await page.evaluate(
      json => window.multiclusterBench.setData(json),
      JSON.stringify(data),
    );
    // What the network answers would cost the page to parse (not part of the timed renders).
    const answers = {
      ours: JSON.stringify(data.ours.view),
      upstream: JSON.stringify(data.upstream),
    };
    const parseMs = { ours: [] as number[], upstream: [] as number[] };
    for (let i = 0; i < 5; i++)
      for (const contender of ['ours', 'upstream'] as const)
        parseMs[contender].push(
          await page.evaluate(text => {
            const started = performance.now();
            JSON.parse(text);
            return performance.now() - started;
          }, answers[contender]),
        );
    // Main-thread CPU time from Chromium's own metrics: unlike wall time, it does not grow when
    // other jobs on the machine take the CPU away.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const threadMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find(m => m.name === 'ThreadTime')!.value * 1000;
    };
    const out = { ours: [] as ContenderRun[], upstream: [] as ContenderRun[] };
    for (let i = 0; i <= runs; i++) {
      const order: Contender[] =
        i % 2 === 0 ? ['ours', 'upstream'] : ['upstream', 'ours'];
      for (const contender of order) {
        const run = await measureOnce(page, contender, threadMs);
        if (i > 0) out[contender].push(run);
        log(
          `${i === 0 ? 'warm-up' : `run ${i}`} ${contender}: view ${ms(
            run.viewCpuMs,
          )} CPU (${run.view.shown} shown), pods table ${ms(
            run.podsCpuMs,
          )} CPU (${run.pods.podRows} rows)`,
        );
      }
    }
    return {
      browserVersion: browser.version(),
      parseMs: {
        ours: median(parseMs.ours),
        upstream: median(parseMs.upstream),
      },
      ...out,
    };
  } finally {
    await browser.close();
  }
}

async function measureOnce(
  page: Page,
  contender: Contender,
  threadMs: () => Promise<number>,
): Promise<ContenderRun> {
  const t0 = await threadMs();
  const view = await page.evaluate(
    c => window.multiclusterBench.mountView(c),
    contender,
  );
  const t1 = await threadMs();
  const pods = await page.evaluate(() => window.multiclusterBench.openPods());
  const t2 = await threadMs();
  await page.evaluate(() => window.multiclusterBench.unmount());
  if (pods.podRows === 0) throw new Error(`${contender} showed no pod rows`);
  return {
    view,
    pods,
    viewCpuMs: t1 - t0,
    podsCpuMs: t2 - t1,
    totalCpuMs: t2 - t0,
  };
}

function summarise(runs: ContenderRun[]) {
  const stats = (values: number[]) => ({
    median: round1(median(values)),
    min: round1(Math.min(...values)),
    max: round1(Math.max(...values)),
  });
  return {
    runs,
    viewCpuMs: stats(runs.map(r => r.viewCpuMs)),
    podsCpuMs: stats(runs.map(r => r.podsCpuMs)),
    totalCpuMs: stats(runs.map(r => r.totalCpuMs)),
    viewProfilerMs: stats(runs.map(r => r.view.renderMs)),
    podsProfilerMs: stats(runs.map(r => r.pods.podsMs)),
    totalWallMs: stats(runs.map(r => r.view.wallMs + r.pods.wallMs)),
    shown: runs[0].view.shown,
    podRows: runs[0].pods.podRows,
  };
}

/**
 * Gzipped bytes of everything a plugin adds to the app beyond what the app already ships, and
 * the minified bytes that come from zod.
 */
async function chunkBytes(entry: string) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-bench-'));
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      external: SHARED,
      outdir,
      logLevel: 'error',
      loader: { '.svg': 'dataurl', '.png': 'dataurl', '.css': 'empty' },
      metafile: true,
    });
    const gzipped = fs
      .readdirSync(outdir)
      .filter(f => f.endsWith('.js'))
      .reduce(
        (sum, f) =>
          sum +
          gzipSync(fs.readFileSync(path.join(outdir, f)), { level: 9 }).length,
        0,
      );
    const zodMinified = Object.values(result.metafile!.outputs)
      .flatMap(o => Object.entries(o.inputs))
      .filter(([input]) => input.includes('node_modules/zod/'))
      .reduce((sum, [, i]) => sum + i.bytesInOutput, 0);
    return { gzipped, zodMinified };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round1(n: number) {
  return Math.round(n * 10) / 10;
}

function ms(n: number) {
  return `${n.toFixed(1)} ms`;
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

runBench('multicluster-ui', main);
