import fs from 'node:fs';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import {
  DEMO_SERVICES,
  loadLocalFleet,
  SCALE_SERVICES,
  scaleServiceId,
} from '@kubeplatform/local-clusters';
import { parse } from 'yaml';
import { AuditCounter, AuditEvent } from './auditCounter';
import { percentile, runLoad } from './loadRun';
import { measureCacheHeap } from './measureCacheHeap';
import { startBenchBackend } from './startBenchBackend';
import { writeBenchmarkSection } from './writeBenchmarkSection';

const OUR_USER_AGENT = 'kubeplatform-clusters-node';
const VIEWERS = [1, 10, 50];
/** Page views per viewer, per concurrency level: enough for a p99, small enough for 2 cores. */
const VIEWS_PER_VIEWER: Record<number, number> = { 1: 30, 10: 6, 50: 3 };

interface Row {
  viewers: number;
  impl: 'upstream' | 'ours';
  views: number;
  failures: number;
  p50: number;
  p99: number;
  k8sRequestsPerView: number;
  /** Watch re-opens and health probes of the cache during the level, whatever the views. */
  backgroundRequests: number;
}

async function main() {
  const fleet = await loadLocalFleet();
  const generated = parse(fs.readFileSync(fleet.appConfigPath, 'utf8'));
  const config = {
    ...generated,
    backend: { baseUrl: 'http://localhost:7007' },
  };
  const state = JSON.parse(
    fs.readFileSync(
      path.join(path.dirname(fleet.appConfigPath), 'state.json'),
      'utf8',
    ),
  );
  const scalePods: number = state.clusters.reduce(
    (n: number, c: any) => n + (c.scalePods ?? 0),
    0,
  );
  const ids =
    scalePods > 0
      ? Array.from({ length: SCALE_SERVICES }, (_, i) => scaleServiceId(i))
      : DEMO_SERVICES.map(s => s.name);
  const entities: Entity[] = ids.map(id => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: id,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': id },
    },
    spec: {
      type: 'service',
      owner: 'group:default/bench',
      lifecycle: 'production',
    },
  }));
  log(
    `fleet: ${fleet.clusters
      .map(c => c.name)
      .join(', ')}; scale pods recorded: ${scalePods}; entities: ${ids.length}`,
  );

  const heap = await measureCacheHeap(config);
  log(
    `watch cache: ${heap.pods} pods (${heap.objects} objects) in ${mb(
      heap.bytes,
    )} heap; ${Math.round(
      heap.bytesPerPod,
    )} bytes/pod (first pass, with code loading: ${Math.round(
      heap.coldBytesPerPod,
    )}); ${heap.states.join(' ')}`,
  );

  const backend = await startBenchBackend(config, entities);
  const rows: Row[] = [];
  try {
    await backend.cache.start();
    await backend.cache.waitForSync(300_000);
    const auditPaths = fleet.clusters
      .map(c => c.auditLogPath)
      .filter(p => fs.existsSync(p));

    const views = {
      upstream: async (id: string) => {
        const res = await fetch(
          `${backend.baseUrl}/kubernetes/services/${id}`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              entity: {
                kind: 'Component',
                metadata: { name: id, namespace: 'default' },
              },
            }),
          },
        );
        if (res.status !== 200) throw new Error(`upstream ${res.status}`);
        await res.arrayBuffer();
      },
      ours: async (id: string) => {
        const res = await fetch(
          `${backend.baseUrl}/multicluster/entities/component/default/${id}`,
        );
        if (res.status !== 200) throw new Error(`ours ${res.status}`);
        await res.arrayBuffer();
      },
    };
    // Warm both: connections, JIT, and our cache's first sync.
    for (const id of ids) {
      await views.upstream(id);
      await views.ours(id);
    }

    for (const viewers of VIEWERS) {
      for (const impl of ['upstream', 'ours'] as const) {
        const counter = new AuditCounter(auditPaths);
        const run = await runLoad(
          viewers,
          VIEWS_PER_VIEWER[viewers],
          (viewer, i) => views[impl](ids[(viewer + i) % ids.length]),
        );
        await new Promise(r => setTimeout(r, 1500)); // let the apiservers flush their audit logs
        // Ours: requests a page view could cause (lists, gets). The cache's background traffic,
        // watch re-opens and health probes, does not depend on page views; counted apart.
        const ourBackground = (e: AuditEvent) =>
          e.requestURI.includes('watch=true') ||
          e.requestURI.startsWith('/version');
        const requests = counter.count(e =>
          impl === 'ours'
            ? e.userAgent === OUR_USER_AGENT && !ourBackground(e)
            : (e.userAgent ?? '').startsWith('node-fetch') &&
              e.requestURI.includes(
                'labelSelector=backstage.io%2Fkubernetes-id%3D',
              ),
        );
        const background =
          impl === 'ours'
            ? counter.count(
                e => e.userAgent === OUR_USER_AGENT && ourBackground(e),
              )
            : 0;
        const done = run.latenciesMs.length;
        const row: Row = {
          viewers,
          impl,
          views: done,
          failures: run.failures,
          p50: percentile(run.latenciesMs, 50),
          p99: percentile(run.latenciesMs, 99),
          k8sRequestsPerView: done ? requests / done : NaN,
          backgroundRequests: background,
        };
        rows.push(row);
        log(
          `${impl} x${viewers}: ${done} views, ${
            run.failures
          } failed, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(
            1,
          )} ms, ${row.k8sRequestsPerView.toFixed(2)} k8s requests/view, ${
            row.backgroundRequests
          } background`,
        );
      }
    }
  } finally {
    await backend.stop();
  }

  const at50 = (impl: Row['impl']) =>
    rows.find(r => r.viewers === 50 && r.impl === impl)!;
  const ratio = at50('upstream').p99 / at50('ours').p99;
  const table = renderTable(rows, heap, fleet.clusters.length, ids.length);
  console.log(`\n${table}\n`);
  const summary = `multicluster: p99@50 upstream/ours=${ratio.toFixed(
    1,
  )}; k8s-requests/page ours=${fmt(
    at50('ours').k8sRequestsPerView,
  )} upstream=${fmt(
    at50('upstream').k8sRequestsPerView,
  )}; heap/pod=${Math.round(heap.bytesPerPod)} bytes`;
  writeBenchmarkSection(table, summary, {
    clusters: fleet.clusters.length,
    pods: heap.pods,
    date: new Date().toISOString(),
  });
  console.log(summary);
}

function renderTable(
  rows: Row[],
  heap: Awaited<ReturnType<typeof measureCacheHeap>>,
  clusters: number,
  entities: number,
) {
  const lines = [
    `Fleet: ${clusters} clusters, ${heap.pods} pods cached (${heap.objects} objects), ${entities} entities.`,
    '',
    '| viewers | backend | page views | failed | p50 ms | p99 ms | k8s requests / page view | background k8s requests |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      r =>
        `| ${r.viewers} | ${
          r.impl === 'ours'
            ? 'kubeplatform'
            : 'upstream kubernetes-backend 0.21'
        } | ${r.views} | ${r.failures} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(
          1,
        )} | ${fmt(r.k8sRequestsPerView)} | ${
          r.impl === 'ours' ? r.backgroundRequests : '—'
        } |`,
    ),
    '',
    `Watch cache heap: ${mb(heap.bytes)} for ${heap.pods} pods = ${Math.round(
      heap.bytesPerPod,
    )} bytes per cached pod. Everything the cache holds (ReplicaSets, events, indexes, shared strings, connections) is charged to the pods. Measured on a second cache after a first one loaded and compiled the code; that first pass came to ${Math.round(
      heap.coldBytesPerPod,
    )} bytes per pod.`,
  ];
  return lines.join('\n');
}

function fmt(n: number) {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function mb(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function log(message: string) {
  console.error(`[bench:multicluster] ${message}`);
}

main().then(
  () => process.exit(0),
  error => {
    console.error(`[bench:multicluster] failed: ${error.stack ?? error}`);
    process.exit(1);
  },
);
