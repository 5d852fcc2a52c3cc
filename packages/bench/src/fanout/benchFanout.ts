import { machineLoad } from '../shared/machine';
import {
  benchCommand,
  benchLog,
  publishResult,
  runBench,
} from '../shared/benchRun';
import { resultHeader } from '../shared/resultHeader';
import { prepareBench } from '../shared/prepareBench';
import { stateOf } from '../live/benchDeployment';
import { Change, latenciesOf, percentile, SeenView } from '../live/latency';
import { startBenchBackend } from '../live/startBenchBackend';
import { benchSeqOf, openViewStream, ViewStream } from '../live/viewStream';
import { cpuSeconds, rssBytes } from './procStat';
import { renderFanoutSection } from './renderSection';

const P99_TARGET_MS = 2000;
const OPEN_BATCH = 50;
const log = benchLog('fanout');

async function main() {
  const options = benchCommand(
    'fanout',
    'Many open live-view streams on one backend while the fleet changes: backend CPU and RSS, event latency, dropped streams.',
    {
      streams: ['--streams <n>', 'open SSE streams', 1000],
      rate: ['--rate <n>', 'changes per second', 10],
      window: ['--window <s>', 'seconds of changes', 60],
      settle: [
        '--settle <s>',
        'seconds after the last change for every stream to show it',
        15,
      ],
    },
  );
  const { streams: streamCount, rate } = options;
  const windowMs = options.window * 1000;
  const settleMs = options.settle * 1000;

  const { fleet, cluster, namespace, loadBefore, deployment } =
    await prepareBench('fanout', log);
  const streams: ViewStream[] = [];
  let stop = async () => {};
  try {
    // Every stream here is the same user; the product caps one user at 20 streams by default,
    // so the bench raises that cap (kubeplatform.multicluster.stream.maxPerUser) above its count.
    const maxPerUser = streamCount + 10;
    const { backend, streamUrl } = await startBenchBackend(fleet, {
      maxPerUser,
    });
    stop = backend.stop;
    const pid = backend.pid;
    log(`backend pid ${pid} at ${backend.apiUrl}`);
    const rssIdle = rssBytes(pid);
    const where = { cluster, namespace, name: deployment.name };
    const seen: SeenView[][] = [];
    const openStartedAt = Date.now();
    for (let i = 0; i < streamCount; i += OPEN_BATCH) {
      const batch = Math.min(OPEN_BATCH, streamCount - i);
      const opened = await Promise.all(
        Array.from({ length: batch }, () => {
          const views: SeenView[] = [];
          seen.push(views);
          return openViewStream(streamUrl, (view, at) => {
            const seq = benchSeqOf(view, where, s => stateOf(s).replicas);
            if (seq !== undefined) views.push({ seq, at });
          });
        }),
      );
      streams.push(...opened);
    }
    const openMs = Date.now() - openStartedAt;
    await waitUntil(() => seen.every(v => v.length > 0), 60_000);
    log(
      `${streams.length} streams open in ${openMs} ms, each showing the Deployment`,
    );
    const rssOpen = rssBytes(pid);

    const changes: Change[] = [];
    const cpuPerSecond: number[] = [];
    let rssMax = rssOpen;
    let skippedTicks = 0;
    let inFlight = false;
    let seq = 0;
    const cpuStart = cpuSeconds(pid);
    const windowStart = Date.now();
    let lastCpu = cpuStart;
    const sampler = setInterval(() => {
      const now = cpuSeconds(pid);
      cpuPerSecond.push(Math.round((now - lastCpu) * 1000) / 10);
      lastCpu = now;
      rssMax = Math.max(rssMax, rssBytes(pid));
    }, 1000);
    const writeErrors: string[] = [];
    await new Promise<void>(resolve => {
      const ticker = setInterval(() => {
        if (Date.now() - windowStart >= windowMs) {
          clearInterval(ticker);
          resolve();
          return;
        }
        // Changes are sequential, so that the newest change is also the newest state.
        if (inFlight) {
          skippedTicks += 1;
          return;
        }
        inFlight = true;
        seq += 1;
        deployment
          .change(seq)
          .then(change => changes.push(change))
          .catch(error => writeErrors.push(String(error)))
          .finally(() => {
            inFlight = false;
          });
      }, 1000 / rate);
    });
    const windowSeconds = (Date.now() - windowStart) / 1000;
    const cpuWindow = cpuSeconds(pid) - cpuStart;
    clearInterval(sampler);
    await waitUntil(() => !inFlight, 30_000);
    const last = changes[changes.length - 1]?.seq ?? 0;
    await waitUntil(
      () => seen.every(v => v.some(s => s.seq >= last)),
      settleMs,
    ).catch(() => undefined);
    const dropped = streams.filter(s => s.endedByServer()).length;
    await Promise.all(streams.map(s => s.close()));
    await backend.stop();
    stop = async () => {};
    const loadAfter = machineLoad();

    const all: number[] = [];
    let blocked = 0;
    let missedChanges = 0;
    for (const views of seen) {
      const { latencies, missed } = latenciesOf(changes, views);
      all.push(...latencies);
      missedChanges += missed.length;
      if (missed.length) blocked += 1;
    }
    const perStreamViews = seen.map(v => v.length);
    const cpuPercent = Math.round((cpuWindow / windowSeconds) * 1000) / 10;
    const p99 = percentile(all, 99);
    const summary = `fanout: streams=${streamCount} p99=${
      p99 ?? 'none'
    } ms cpu=${cpuPercent}%`;
    const mib = (b: number) => Math.round((b / 1024 ** 2) * 10) / 10;
    const result = {
      ...resultHeader(
        'fanout',
        `yarn bench:fanout --streams ${streamCount} --rate ${rate} --window ${
          windowMs / 1000
        }`,
        { before: loadBefore, after: loadAfter },
      ),
      setup: {
        cluster,
        deployment: `${namespace}/${deployment.name}`,
        change:
          'one merge PATCH of the Deployment: replicas alternate 1/2 and the image tag is the change number; the next change waits for the previous answer',
        stream: `product defaults (debounceMs 250, maxWaitMs 1000) except maxPerUser ${maxPerUser}: every stream is the same user`,
        loadGenerator:
          'the bench process (the backend is its own process); streams opened 50 at a time',
      },
      targets: { p99Ms: P99_TARGET_MS },
      streams: streamCount,
      openMs,
      changes: {
        requestedRate: rate,
        made: changes.length,
        achievedRate: Math.round((changes.length / windowSeconds) * 10) / 10,
        skippedTicks,
        writeErrors: writeErrors.slice(0, 5),
        patchMsP99: percentile(
          changes.map(c => c.acceptedAt - c.sentAt),
          99,
        ),
      },
      latencyMs: {
        n: all.length,
        p50: percentile(all, 50),
        p90: percentile(all, 90),
        p99,
        max: percentile(all, 100),
      },
      viewsPerStream: {
        min: percentile(perStreamViews, 0),
        p50: percentile(perStreamViews, 50),
        max: percentile(perStreamViews, 100),
      },
      dropped,
      blocked,
      missedChanges,
      backend: {
        cpuPercentOfOneCore: cpuPercent,
        cpuPercentPerSecondMax: percentile(cpuPerSecond, 100),
        rssMiB: {
          idle: mib(rssIdle),
          streamsOpen: mib(rssOpen),
          max: mib(rssMax),
        },
      },
      summary,
    };
    publishResult(
      'fanout',
      'Fan-out',
      result,
      renderFanoutSection(result),
      log,
    );
  } finally {
    await Promise.all(streams.map(s => s.close()));
    await stop();
    await deployment.remove().catch(error => {
      log(`could not delete namespace ${namespace}: ${error}`);
    });
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 100));
  }
}

runBench('fanout', main);
