#!/usr/bin/env node
// multicluster-ui benchmark: render time of the "Clusters" tab for 20 clusters x 200 pods,
// measured with the React Profiler (production profiling build of react-dom) in headless Chromium
// (/usr/bin/chromium or CHROMIUM_PATH; MC_BENCH_DOM=jsdom or no Chromium: a jsdom window),
// and the plugin's gzipped JS next to upstream @backstage/plugin-kubernetes.
//
// Run from the repo root: yarn bench:multicluster-ui
// Options (env): MC_BENCH_RUNS (default 7), MC_BENCH_CLUSTERS (20), MC_BENCH_PODS (200).
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../../..');
const require = createRequire(join(repo, 'package.json'));
const runs = Number(process.env.MC_BENCH_RUNS ?? 7);
const clusters = Number(process.env.MC_BENCH_CLUSTERS ?? 20);
const podsPerCluster = Number(process.env.MC_BENCH_PODS ?? 200);
const workloadsPerCluster = 4;

const production = {
  'process.env.NODE_ENV': '"production"',
};

/** Resolves react-dom (and react-dom/client) to the profiling build so Profiler works in production. */
const profilingReactDom = {
  name: 'react-dom-profiling',
  setup(b) {
    b.onResolve({ filter: /^react-dom(\/client)?$/ }, () => ({
      path: require.resolve('react-dom/profiling'),
    }));
  },
};

async function bundleRenderer() {
  const result = await build({
    entryPoints: [join(here, 'renderTab.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'multiclusterBench',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { ...production, global: 'window' },
    banner: { js: 'var process = { env: { NODE_ENV: "production" } };' },
    plugins: [profilingReactDom],
    logLevel: 'error',
    loader: { '.svg': 'text', '.png': 'dataurl' },
  });
  return result.outputFiles[0].text;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function renderOptions() {
  return {
    clusters,
    workloadsPerCluster,
    podsPerWorkload: Math.round(podsPerCluster / workloadsPerCluster),
  };
}

/** Runs measureTab in headless Chromium: the browser the app targets. */
async function measureInChromium(code) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
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
    // Main-thread CPU time from Chromium's own metrics: unlike wall time, it does not grow when
    // other jobs on the machine take the CPU away.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const threadMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find(m => m.name === 'ThreadTime').value * 1000;
    };
    const options = renderOptions();
    const out = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = await threadMs();
      const tab = await page.evaluate(
        o => window.multiclusterBench.mountTab(o),
        options,
      );
      const t1 = await threadMs();
      const drawer = await page.evaluate(() =>
        window.multiclusterBench.openDrawer(),
      );
      const t2 = await threadMs();
      await page.evaluate(() => window.multiclusterBench.unmountTab());
      // The first run warms up the JIT and the style sheets.
      if (i > 0)
        out.push({
          ...tab,
          ...drawer,
          tabCpuMs: t1 - t0,
          drawerCpuMs: t2 - t1,
        });
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function measureRender() {
  const code = await bundleRenderer();
  if (process.env.MC_BENCH_DOM !== 'jsdom' && existsSync(chromiumPath)) {
    return {
      environment: 'headless Chromium',
      results: await measureInChromium(code),
    };
  }
  return { environment: 'jsdom', results: await measureInJsdom(code) };
}

async function measureInJsdom(code) {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://localhost:3000/',
    pretendToBeVisual: true,
    runScripts: 'outside-only',
  });
  const { window } = dom;
  // jsdom lacks these; MUI and Backstage only feature-test them.
  window.matchMedia ??= () => ({
    matches: false,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
  });
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.TextEncoder ??= TextEncoder;
  window.TextDecoder ??= TextDecoder;
  window.AbortController = AbortController;
  window.AbortSignal = AbortSignal;
  window.eval(code);
  const { measureTab } = window.multiclusterBench;
  const options = renderOptions();
  await measureTab(options); // warm-up: JIT and style sheets
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measureTab(options));
  window.close();
  return results;
}

const shared = [
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

/**
 * Gzipped bytes of everything a plugin adds to the app beyond what the app already ships, and
 * the minified bytes that come from zod (pulled in through a barrel import).
 */
async function chunkBytes(entry) {
  const outdir = mkdtempSync(join(tmpdir(), 'mc-bench-'));
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
      define: production,
      external: shared,
      outdir,
      logLevel: 'error',
      loader: { '.svg': 'dataurl', '.png': 'dataurl' },
      metafile: true,
    });
    const gzipped = readdirSync(outdir)
      .filter(f => f.endsWith('.js'))
      .reduce(
        (sum, f) =>
          sum + gzipSync(readFileSync(join(outdir, f)), { level: 9 }).length,
        0,
      );
    const zodMinified = Object.values(result.metafile.outputs)
      .flatMap(o => Object.entries(o.inputs))
      .filter(([input]) => input.includes('node_modules/zod/'))
      .reduce((sum, [, i]) => sum + i.bytesInOutput, 0);
    return { gzipped, zodMinified };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const { environment, results } = await measureRender();
const hasCpu = results[0].tabCpuMs !== undefined;
const min = values => Math.min(...values);
const stats = values => ({ median: median(values), min: min(values) });
const profilerTab = stats(results.map(r => r.renderMs));
const profilerDrawer = stats(results.map(r => r.drawerMs));
const cpuTab = hasCpu ? stats(results.map(r => r.tabCpuMs)) : undefined;
const cpuDrawer = hasCpu ? stats(results.map(r => r.drawerCpuMs)) : undefined;
// The headline: main-thread CPU time where the browser reports it (robust to a busy machine),
// otherwise React's own actualDuration.
const render = cpuTab ? cpuTab.median : profilerTab.median;
const ms = v => `${v.toFixed(1)} ms`;

console.log(
  `multicluster-ui: ${runs} runs of the Clusters tab, ${clusters} clusters x ${podsPerCluster} pods ` +
    `(${workloadsPerCluster} workloads each, ${results[0].cells} cells) in ${environment}`,
);
for (const r of results) {
  console.log(
    `  tab: Profiler ${ms(r.renderMs)} in ${r.commits} commits` +
      `${hasCpu ? `, main-thread CPU ${ms(r.tabCpuMs)}` : ''}, wall ${ms(
        r.wallMs,
      )}; ` +
      `drawer (${
        r.podsInDrawer
      } of ${podsPerCluster} pods on the page): Profiler ${ms(r.drawerMs)}` +
      `${hasCpu ? `, CPU ${ms(r.drawerCpuMs)}` : ''}`,
  );
}
console.log(
  `  median (min): tab Profiler ${ms(profilerTab.median)} (${ms(
    profilerTab.min,
  )})` +
    `${cpuTab ? `, CPU ${ms(cpuTab.median)} (${ms(cpuTab.min)})` : ''}; ` +
    `drawer Profiler ${ms(profilerDrawer.median)} (${ms(profilerDrawer.min)})` +
    `${
      cpuDrawer ? `, CPU ${ms(cpuDrawer.median)} (${ms(cpuDrawer.min)})` : ''
    }; ` +
    `load average ${loadavg()
      .map(l => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} CPUs`,
);

const ours = await chunkBytes(join(repo, 'plugins/multicluster/src/alpha.tsx'));
const upstream = await chunkBytes(
  require.resolve('@backstage/plugin-kubernetes/alpha'),
);
console.log(
  `  chunks: minified, gzip -9, excluding libraries the app already ships (${shared.join(
    ', ',
  )})`,
);
if (ours.zodMinified) {
  console.log(
    `  of ours, ${(ours.zodMinified / 1024).toFixed(
      1,
    )} KB minified is zod, reached through ` +
      '@kubeplatform/clusters-common\'s index (it lacks "sideEffects": false)',
  );
}
const summary = `multicluster-ui: render${clusters}x${podsPerCluster}=${render.toFixed(
  1,
)} ms; chunk ours=${(ours.gzipped / 1024).toFixed(1)} KB upstream=${(
  upstream.gzipped / 1024
).toFixed(1)} KB`;
if (!process.env.MC_BENCH_NO_DOCS) {
  writeDocsSection({
    environment,
    results,
    ours,
    upstream,
    summary,
    rows: [
      ['tab: React Profiler actualDuration', profilerTab],
      ...(cpuTab ? [['tab: main-thread CPU time (the headline)', cpuTab]] : []),
      ['drawer with pods: React Profiler actualDuration', profilerDrawer],
      ...(cpuDrawer
        ? [['drawer with pods: main-thread CPU time', cpuDrawer]]
        : []),
    ],
  });
}
// The last line, for scripts that read it.
console.log(summary);

/** Replaces the multicluster-ui section of docs/benchmarks.md (or appends it), leaving the rest. */
function writeDocsSection(run) {
  const START = '<!-- bench:multicluster-ui:start -->';
  const END = '<!-- bench:multicluster-ui:end -->';
  const file = join(repo, 'docs/benchmarks.md');
  const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`;
  const section = [
    START,
    `_Last run: ${new Date().toISOString()}, \`yarn bench:multicluster-ui\`, ${runs} runs after one warm-up; load average ${loadavg()[0].toFixed(
      1,
    )} on ${availableParallelism()} CPUs._`,
    '',
    `The Clusters tab for ${clusters} clusters × ${podsPerCluster} pods (${workloadsPerCluster} workloads per cluster,`,
    `${run.results[0].cells} matrix cells), rendered by the production profiling build of React in ${run.environment} and`,
    'timed with `<Profiler>` (`actualDuration`, summed over the commits until the matrix is on screen) and,',
    "in Chromium, with the browser's main-thread CPU time (`Performance.getMetrics` ThreadTime) from",
    'render() until the matrix is in the DOM, which includes style and layout and does not grow when other',
    'jobs take the CPU away.',
    "Opening a cell then renders the drawer with that workload's pods table (25 rows per page).",
    '',
    '| measure | median | min |',
    '|---|---:|---:|',
    ...run.rows.map(
      ([label, v]) =>
        `| ${label} | ${v.median.toFixed(1)} ms | ${v.min.toFixed(1)} ms |`,
    ),
    '',
    'JavaScript each plugin adds to the app, bundled the same way (esbuild, minified, gzip -9, lazy',
    'chunks included), leaving out the libraries every Backstage app already ships (React, Material UI,',
    'core-components, catalog-react and similar):',
    '',
    '| plugin | gzipped |',
    '|---|---:|',
    `| @kubeplatform/plugin-multicluster (/alpha) | ${kb(run.ours.gzipped)} |`,
    `| @backstage/plugin-kubernetes (/alpha) | ${kb(run.upstream.gzipped)} |`,
    '',
    run.ours.zodMinified
      ? `Of ours, ${kb(
          run.ours.zodMinified,
        )} (minified) is zod, which reaches the browser through @kubeplatform/clusters-common's index; marking that package \`"sideEffects": false\` lets bundlers drop it.`
      : 'No zod reaches the bundle.',
    '',
    'Other jobs on a shared machine inflate the times; the min column is the least disturbed run.',
    '',
    '```',
    run.summary,
    '```',
    END,
  ].join('\n');
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n## Multi-cluster service view, frontend\n\n${section}\n`;
  // Formatted as the repository's prettier config would, so the docs stay lint-clean.
  const prettier = require('prettier');
  const formatted = prettier.format(next, {
    ...require('@backstage/cli/config/prettier'),
    parser: 'markdown',
  });
  writeFileSync(file, formatted);
}
