import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startContender } from '../contenders/startContender';
import { StallReport, startStallMonitor } from '../contenders/stallMonitor';
import { ContenderName } from '../contenders/types';
import { BenchFleet, loadBenchFleet } from '../shared/benchFleet';
import { machine, machineLoad, MachineLoad } from '../shared/machine';
import {
  benchCommand,
  benchLog,
  publishResult,
  runBench,
  wholeOption,
} from '../shared/benchRun';
import { assertSameContent, waitForCompleteViews } from './agreement';
import { AuditCounter, AuditEvent } from './auditCounter';
import { median, percentile, runLoad } from './loadRun';
import { pageView } from './pageViews';
import { fmt, renderMulticlusterSection } from './renderSection';

const OUR_USER_AGENT = 'kubeplatform-clusters-node';

export interface Options {
  views: number;
  runs: number;
  viewers: number[];
}

export interface RunRow {
  viewers: number;
  run: number;
  contender: ContenderName;
  views: number;
  failedViews: number;
  /** The first few failures, as the bench saw them. */
  failures: string[];
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  wallMs: number;
  k8sRequestsPerView: number;
  /** Watch re-opens and health probes of ours during the run, whatever the views. */
  backgroundRequests: number;
  /** What held the contender's event loop during the run. */
  backendStalls: StallReport;
  /** What held this (the load generator's) event loop: a stall here delays both sides' clocks. */
  loadGeneratorStalls: StallReport;
}

export interface LevelResult {
  viewers: number;
  loadBefore: MachineLoad;
  loadAfter: MachineLoad;
  /** upstream p99 / ours p99 of each run. */
  p99Ratios: number[];
  p99Ratio: { median: number; min: number; max: number };
  k8sRequestsPerView: { ours: number; upstream: number };
}

const log = benchLog('multicluster');
const ownStalls = startStallMonitor();

async function main() {
  const {
    views,
    runs,
    viewers: viewerList,
  } = benchCommand(
    'multicluster',
    'Entity-view latency of upstream @backstage/plugin-kubernetes-backend against Kubeplatform, each in its own backend process, driven from this one.',
    {
      views: ['--views <n>', 'page views per level and run', 1000],
      runs: ['--runs <n>', 'runs per level', 5],
      viewers: ['--viewers <list>', 'concurrent viewers per level', '1,10,50'],
    },
  );
  const options: Options = {
    views,
    runs,
    viewers: viewerList.split(',').map(v => wholeOption(v, '--viewers')),
  };

  const fleet = await loadBenchFleet();
  log(
    `fleet: ${fleet.clusters.join(', ')}; scale pods: ${
      fleet.scalePods
    }; services: ${fleet.serviceIds.length}`,
  );
  const upstream = await startContender('upstream', fleet.spec);
  log(`upstream backend: pid ${upstream.pid}, ${upstream.apiUrl}`);
  // Ours talks to the clusters from a loopback address of its own: other clients of the shared
  // fleet (tests, other backends) use the same User-Agent and service account.
  const ourAddress = randomLoopbackAddress();
  const ours = await startContender('ours', {
    ...fleet.spec,
    sourceAddress: ourAddress,
  });
  log(`ours backend: pid ${ours.pid}, ${ours.apiUrl}`);
  const contenders = { upstream, ours };
  const rows: RunRow[] = [];
  const levels: LevelResult[] = [];
  let agreed: Awaited<ReturnType<typeof assertSameContent>>;
  try {
    await waitForCompleteViews(ours, fleet.serviceIds, fleet.clusters, 300_000);
    agreed = await assertSameContent(
      upstream,
      ours,
      fleet.serviceIds,
      fleet.clusters,
    );
    log(
      `both contenders show the same workloads and pods for all ${fleet.serviceIds.length} services`,
    );
    // Warm-up: connections and JIT on both sides.
    for (const id of fleet.serviceIds)
      for (const c of [upstream, ours])
        await pageView(c.name, c.apiUrl, id, fleet.clusters);

    for (const viewers of options.viewers) {
      const loadBefore = machineLoad();
      const perViewer = Math.ceil(options.views / viewers);
      for (let run = 1; run <= options.runs; run++) {
        // Alternate who goes first so neither always meets the other's after-effects.
        const order: ContenderName[] =
          run % 2 ? ['upstream', 'ours'] : ['ours', 'upstream'];
        for (const name of order) {
          const row = await measureRun(
            fleet,
            contenders[name],
            viewers,
            perViewer,
            run,
          );
          rows.push(row);
          log(
            `${name} x${viewers} run ${run}: ${row.views} views, ${
              row.failedViews
            } failed, p50 ${row.p50Ms.toFixed(1)} ms, p99 ${row.p99Ms.toFixed(
              1,
            )} ms, ${fmt(
              row.k8sRequestsPerView,
            )} k8s requests/view; backend loop delay max ${
              row.backendStalls.loopDelayMaxMs
            } ms, GC max ${row.backendStalls.gcMaxMs} ms (${
              row.backendStalls.majorGcPauses
            } major); load generator loop delay max ${
              row.loadGeneratorStalls.loopDelayMaxMs
            } ms`,
          );
        }
      }
      const loadAfter = machineLoad();
      const at = (name: ContenderName) =>
        rows.filter(r => r.viewers === viewers && r.contender === name);
      const ratios = at('upstream').map(
        u => u.p99Ms / at('ours').find(o => o.run === u.run)!.p99Ms,
      );
      levels.push({
        viewers,
        loadBefore,
        loadAfter,
        p99Ratios: ratios,
        p99Ratio: {
          median: median(ratios),
          min: Math.min(...ratios),
          max: Math.max(...ratios),
        },
        k8sRequestsPerView: {
          ours: median(at('ours').map(r => r.k8sRequestsPerView)),
          upstream: median(at('upstream').map(r => r.k8sRequestsPerView)),
        },
      });
    }
  } finally {
    ownStalls.stop();
    await Promise.all([upstream.stop(), ours.stop()]);
  }

  const failed = rows.filter(r => r.failedViews > 0);
  const result = {
    bench: 'multicluster',
    date: new Date().toISOString(),
    command: commandLine(options),
    options,
    machine: machine(),
    fleet: {
      clusters: fleet.clusters,
      scalePods: fleet.scalePods,
      services: fleet.serviceIds,
      podsPerService: Object.fromEntries(
        Object.entries(agreed).map(([id, c]) => [id, c.podsByCluster]),
      ),
      workloadsPerService: Object.fromEntries(
        Object.entries(agreed).map(([id, c]) => [id, c.workloads.length]),
      ),
    },
    levels,
    runs: rows,
  };
  if (failed.length) {
    const evidence = path.join(os.tmpdir(), 'bench-multicluster-failed.json');
    fs.writeFileSync(evidence, JSON.stringify(result, null, 2));
    log(`raw result of the failed bench: ${evidence}`);
    for (const r of failed)
      log(
        `FAILED: ${r.contender} x${r.viewers} run ${r.run}: ${
          r.failedViews
        } failed views, e.g. ${r.failures.join('; ')}`,
      );
    throw new Error(
      `${failed.length} run(s) had failed page views; nothing written to docs`,
    );
  }
  const top = levels.find(l => l.viewers === Math.max(...options.viewers))!;
  const summary = `multicluster: p99@${top.viewers} ratio median=${fmt(
    top.p99Ratio.median,
    1,
  )} min=${fmt(top.p99Ratio.min, 1)} max=${fmt(
    top.p99Ratio.max,
    1,
  )}; k8s-requests/page ours=${fmt(top.k8sRequestsPerView.ours)} upstream=${fmt(
    top.k8sRequestsPerView.upstream,
  )}`;
  const published = { ...result, summary };
  publishResult(
    'multicluster',
    'Multi-cluster service view',
    published,
    renderMulticlusterSection(published),
    log,
  );
}

async function measureRun(
  fleet: BenchFleet,
  contender: Awaited<ReturnType<typeof startContender>>,
  viewers: number,
  perViewer: number,
  run: number,
): Promise<RunRow> {
  const ids = fleet.serviceIds;
  const fromOurs = (e: AuditEvent) =>
    e.userAgent === OUR_USER_AGENT &&
    (e.sourceIPs ?? []).includes(contender.sourceAddress ?? '');
  const counter = new AuditCounter(fleet.auditLogPaths);
  await contender.takeStalls();
  ownStalls.take();
  const load = await runLoad(viewers, perViewer, (viewer, i) =>
    pageView(
      contender.name,
      contender.apiUrl,
      ids[(viewer + i) % ids.length],
      fleet.clusters,
    ),
  );
  const backendStalls = await contender.takeStalls();
  const loadGeneratorStalls = ownStalls.take();
  await new Promise(r => setTimeout(r, 1500)); // let the apiservers flush their audit logs
  // Ours: requests a page view could cause (lists, gets). The cache's background traffic,
  // watch re-opens and health probes, does not depend on page views; counted apart.
  const background = (e: AuditEvent) =>
    e.requestURI.includes('watch=true') || e.requestURI.startsWith('/version');
  const requests = counter.count(e =>
    contender.name === 'ours'
      ? fromOurs(e) && !background(e)
      : (e.userAgent ?? '').startsWith('node-fetch') &&
        (e.requestURI.includes(
          'labelSelector=backstage.io%2Fkubernetes-id%3D',
        ) ||
          e.requestURI.startsWith('/apis/metrics.k8s.io/')),
  );
  const views = load.latenciesMs.length;
  // Upstream reads every cluster on every view: none in the audit logs means the count is broken.
  if (contender.name === 'upstream' && requests === 0)
    throw new Error(
      `the apiservers' audit logs (${
        fleet.auditLogPaths.join(', ') || 'none found'
      }) show no upstream request; Kubernetes requests per view cannot be counted`,
    );
  return {
    viewers,
    run,
    contender: contender.name,
    views,
    failedViews: load.failures.length,
    failures: load.failures.slice(0, 5),
    p50Ms: round(percentile(load.latenciesMs, 50)),
    p99Ms: round(percentile(load.latenciesMs, 99)),
    maxMs: round(Math.max(...load.latenciesMs)),
    wallMs: Math.round(load.wallMs),
    k8sRequestsPerView: round(requests / views),
    backgroundRequests:
      contender.name === 'ours'
        ? counter.count(e => fromOurs(e) && background(e))
        : 0,
    backendStalls,
    loadGeneratorStalls,
  };
}

/** 127.x.y.z, not 127.0.0.1: Linux routes all of 127.0.0.0/8 to the loopback interface. */
function randomLoopbackAddress() {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  return `127.${100 + Math.floor(Math.random() * 150)}.${octet()}.${octet()}`;
}

function commandLine(o: Options) {
  return `yarn bench:multicluster --views ${o.views} --runs ${
    o.runs
  } --viewers ${o.viewers.join(',')}`;
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}

runBench('multicluster', main);
