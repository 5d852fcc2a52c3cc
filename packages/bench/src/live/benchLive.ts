import { Command } from 'commander';
import { loadBenchFleet } from '../shared/benchFleet';
import { machine, machineLoad } from '../shared/machine';
import { writeDocsSection, writeRawResult } from '../shared/results';
import { BenchDeployment, stateOf } from './benchDeployment';
import { Change, latenciesOf, percentile, SeenView } from './latency';
import { renderLiveSection } from './renderSection';
import { startBenchBackend } from './startBenchBackend';
import { benchSeqOf, openViewStream } from './viewStream';

const SSE_TARGET_MS = 1000;
const UI_TARGET_MS = 2000;
/** The product default of kubeplatform.multicluster.stream.maxWaitMs, which this bench keeps. */
const MAX_WAIT_MS = 1000;

async function main() {
  const raw = new Command()
    .name('bench:live')
    .description(
      'Time from an accepted write to a Deployment to the matching event at an SSE client.',
    )
    .option('--changes <n>', 'changes, one at a time', '60')
    .option('--timeout <s>', 'give up on one change after this long', '15')
    .parse()
    .opts();
  const count = Number(raw.changes);
  const timeoutMs = Number(raw.timeout) * 1000;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--changes must be a positive whole number`);

  const fleet = await loadBenchFleet();
  const cluster = fleet.clusters[0];
  const namespace = `bench-live-${Date.now().toString(36)}`;
  const loadBefore = machineLoad();
  log(`machine load before: ${loadBefore.loadavg.join(' ')}`);
  const deployment = await BenchDeployment.create(cluster, namespace);
  let stop = async () => {};
  try {
    const { backend, streamUrl } = await startBenchBackend(fleet);
    stop = backend.stop;
    log(`backend pid ${backend.pid} at ${backend.apiUrl}`);
    const seen: SeenView[] = [];
    const where = { cluster, namespace, name: deployment.name };
    const stream = await openViewStream(streamUrl, (view, at) => {
      const seq = benchSeqOf(view, where, s => stateOf(s).replicas);
      if (seq !== undefined) seen.push({ seq, at });
    });
    const waitForSeq = async (seq: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!seen.some(v => v.seq >= seq)) {
        if (stream.endedByServer()) throw new Error('the stream ended');
        if (Date.now() > deadline) return false;
        // The arrival time is taken when the view is read, so this poll adds nothing to it.
        await new Promise(r => setTimeout(r, 20));
      }
      return true;
    };
    if (!(await waitForSeq(0)))
      throw new Error('the bench Deployment never showed up in the view');
    const changes: Change[] = [];
    for (let seq = 1; seq <= count; seq++) {
      // A pause unrelated to the stream's debounce, so changes are timed one at a time.
      await new Promise(r => setTimeout(r, 300 + Math.random() * 300));
      changes.push(await deployment.change(seq));
      if (!(await waitForSeq(seq))) log(`change ${seq}: not seen in time`);
    }
    await stream.close();
    await backend.stop();
    stop = async () => {};
    const loadAfter = machineLoad();
    const { latencies, missed } = latenciesOf(changes, seen);
    const writes = changes.map(c => c.acceptedAt - c.sentAt);
    const sse = {
      n: latencies.length,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
      missed,
      atMaxWait: latencies.filter(ms => ms >= MAX_WAIT_MS - 50).length,
    };
    const summary = `live: p99 sse=${sse.p99 ?? 'none'} ms ui=not-measured`;
    const result = {
      bench: 'live',
      date: new Date().toISOString(),
      command: `yarn bench:live --changes ${count}`,
      machine: machine(),
      load: { before: loadBefore, after: loadAfter },
      setup: {
        cluster,
        deployment: `${namespace}/${deployment.name}`,
        change:
          'one merge PATCH of the Deployment: replicas alternate 1/2 and the image tag is the change number',
        stream: 'product defaults: debounceMs 250, maxWaitMs 1000',
      },
      targets: { sseP99Ms: SSE_TARGET_MS, uiP99Ms: UI_TARGET_MS },
      sse,
      ui: {
        measured: false,
        why: 'the Chromium leg was not built in this session',
      },
      patchMs: {
        p50: percentile(writes, 50),
        p99: percentile(writes, 99),
      },
      samples: changes.map(c => ({
        ...c,
        sseMs: latenciesOf([c], seen).latencies[0] ?? null,
      })),
      summary,
    };
    const json = writeRawResult('live', result);
    const docs = writeDocsSection(
      'live',
      'Live latency',
      renderLiveSection(result),
    );
    log(`wrote ${json} and ${docs}`);
    console.log(summary);
  } finally {
    await stop();
    await deployment.remove().catch(error => {
      log(`could not delete namespace ${namespace}: ${error}`);
    });
  }
}

function log(message: string) {
  console.error(`[bench:live] ${message}`);
}

main().then(
  () => process.exit(0),
  error => {
    console.error(`[bench:live] failed: ${error.stack ?? error}`);
    process.exit(1);
  },
);
