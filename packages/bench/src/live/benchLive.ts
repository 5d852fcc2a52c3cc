import { machineLoad } from '../shared/machine';
import {
  benchCommand,
  benchLog,
  publishResult,
  runBench,
} from '../shared/benchRun';
import { resultHeader } from '../shared/resultHeader';
import { prepareBench } from '../shared/prepareBench';
import { BENCH_KUBERNETES_ID, stateOf } from './benchDeployment';
import {
  Change,
  latenciesOf,
  percentile,
  screenLatencyOf,
  SeenView,
} from './latency';
import { openChromiumMatrix, SeenCell } from './ui/chromiumMatrix';
import { renderLiveSection } from './renderSection';
import { startBenchBackend } from './startBenchBackend';
import { benchSeqOf, openViewStream } from './viewStream';

const SSE_TARGET_MS = 1000;
const UI_TARGET_MS = 2000;
/** The product default of kubeplatform.multicluster.stream.maxWaitMs, which this bench keeps. */
const MAX_WAIT_MS = 1000;
const log = benchLog('live');

async function main() {
  const {
    ui: withUi,
    changes: count,
    timeout,
  } = benchCommand(
    'live',
    'Time from an accepted write to a Deployment to the matching event at an SSE client and on screen in headless Chromium.',
    {
      ui: ['--no-ui', 'leave out the Chromium leg'],
      changes: ['--changes <n>', 'changes, one at a time', 60],
      timeout: ['--timeout <s>', 'give up on one change after this long', '15'],
    },
  );
  const timeoutMs = Number(timeout) * 1000;

  const { fleet, cluster, namespace, loadBefore, deployment } =
    await prepareBench('live', log);
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
    const cells: SeenCell[] = [];
    const screen = withUi
      ? await openChromiumMatrix({
          apiUrl: backend.apiUrl,
          entityName: BENCH_KUBERNETES_ID,
          cellTestId: `cell-${deployment.name}-${cluster}`,
          onCell: cell => cells.push(cell),
        })
      : undefined;
    // Chromium is closed with the backend, also when a change fails.
    stop = async () => {
      await screen?.close();
      await backend.stop();
    };
    const waitForScreen = async (
      change: Change | undefined,
      desired: number,
    ) => {
      if (!screen) return true;
      const deadline = Date.now() + timeoutMs;
      const shown = () =>
        change
          ? screenLatencyOf(change, desired, cells) !== undefined
          : cells.some(c => c.desired === desired);
      while (!shown()) {
        if (Date.now() > deadline) return false;
        // The screen time is taken in the page, so this poll adds nothing to it.
        await new Promise(r => setTimeout(r, 20));
      }
      return true;
    };
    if (!(await waitForScreen(undefined, stateOf(0).replicas)))
      throw new Error(
        'the matrix in Chromium never showed the bench Deployment',
      );
    const changes: Change[] = [];
    for (let seq = 1; seq <= count; seq++) {
      // A pause unrelated to the stream's debounce, so changes are timed one at a time.
      await new Promise(r => setTimeout(r, 300 + Math.random() * 300));
      const change = await deployment.change(seq);
      changes.push(change);
      if (!(await waitForSeq(seq))) log(`change ${seq}: not seen in time`);
      if (!(await waitForScreen(change, stateOf(seq).replicas)))
        log(`change ${seq}: not on screen in time`);
    }
    await stream.close();
    await stop();
    stop = async () => {};
    const loadAfter = machineLoad();
    const { latencies, missed } = latenciesOf(changes, seen);
    const screenLatencies = changes.map(c =>
      screenLatencyOf(c, stateOf(c.seq).replicas, cells),
    );
    const onScreen = screenLatencies.filter(
      (ms): ms is number => ms !== undefined,
    );
    const ui = screen
      ? {
          measured: true as const,
          n: onScreen.length,
          p50: percentile(onScreen, 50),
          p90: percentile(onScreen, 90),
          p99: percentile(onScreen, 99),
          max: percentile(onScreen, 100),
          missed: changes
            .filter((_, i) => screenLatencies[i] === undefined)
            .map(c => c.seq),
        }
      : { measured: false as const, why: 'run with --no-ui' };
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
    const summary = `live: p99 sse=${sse.p99 ?? 'none'} ms ui=${
      ui.measured ? `${ui.p99 ?? 'none'} ms` : 'not-measured'
    }`;
    const result = {
      ...resultHeader('live', `yarn bench:live --changes ${count}`, {
        before: loadBefore,
        after: loadAfter,
      }),
      setup: {
        cluster,
        deployment: `${namespace}/${deployment.name}`,
        change:
          'one merge PATCH of the Deployment: replicas alternate 1/2 and the image tag is the change number',
        stream: 'product defaults: debounceMs 250, maxWaitMs 1000',
      },
      targets: { sseP99Ms: SSE_TARGET_MS, uiP99Ms: UI_TARGET_MS },
      sse,
      ui,
      patchMs: {
        p50: percentile(writes, 50),
        p99: percentile(writes, 99),
      },
      samples: changes.map(c => ({
        ...c,
        sseMs: latenciesOf([c], seen).latencies[0] ?? null,
        screenMs: screenLatencyOf(c, stateOf(c.seq).replicas, cells) ?? null,
      })),
      summary,
    };
    publishResult(
      'live',
      'Live latency',
      result,
      renderLiveSection(result),
      log,
    );
  } finally {
    await stop();
    await deployment.remove().catch(error => {
      log(`could not delete namespace ${namespace}: ${error}`);
    });
  }
}

runBench('live', main);
