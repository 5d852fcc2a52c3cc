#!/usr/bin/env node
// multicluster-ui benchmark: render time of the "Clusters" tab for 20 clusters x 200 pods,
// measured with the React Profiler (production profiling build of react-dom) in a jsdom window,
// and the plugin's gzipped JS next to upstream @backstage/plugin-kubernetes.
//
// Run from the repo root: yarn bench:multicluster-ui
// Options (env): MC_BENCH_RUNS (default 7), MC_BENCH_CLUSTERS (20), MC_BENCH_PODS (200).
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

async function measureRender() {
  const code = await bundleRenderer();
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
  const options = {
    clusters,
    workloadsPerCluster,
    podsPerWorkload: Math.round(podsPerCluster / workloadsPerCluster),
  };
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

const results = await measureRender();
const render = median(results.map(r => r.renderMs));
console.log(
  `multicluster-ui: ${runs} runs of the Clusters tab, ${clusters} clusters x ${podsPerCluster} pods ` +
    `(${workloadsPerCluster} workloads each, ${results[0].cells} cells), React Profiler actualDuration:`,
);
for (const r of results) {
  console.log(
    `  render ${r.renderMs.toFixed(1)} ms in ${
      r.commits
    } commits (wall ${r.wallMs.toFixed(0)} ms); ` +
      `drawer with ${
        r.podsInDrawer
      } of ${podsPerCluster} pods shown: ${r.drawerMs.toFixed(1)} ms`,
  );
}
const min = values => Math.min(...values);
console.log(
  `  render median ${render.toFixed(1)} ms, min ${min(
    results.map(r => r.renderMs),
  ).toFixed(1)} ms; ` +
    `drawer median ${median(results.map(r => r.drawerMs)).toFixed(
      1,
    )} ms, min ${min(results.map(r => r.drawerMs)).toFixed(
      1,
    )} ms; load average ${loadavg()
      .map(l => l.toFixed(1))
      .join(
        ' ',
      )} on ${availableParallelism()} CPUs (other jobs inflate these times)`,
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
console.log(
  `multicluster-ui: render${clusters}x${podsPerCluster}=${render.toFixed(
    1,
  )} ms; chunk ours=${(ours.gzipped / 1024).toFixed(1)} KB upstream=${(
    upstream.gzipped / 1024
  ).toFixed(1)} KB`,
);
