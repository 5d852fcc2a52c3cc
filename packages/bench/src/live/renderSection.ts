import { verdictOnP99 } from './latency';
import {
  runConditions,
  type BenchRunFacts,
  type LatencyPercentiles,
} from '../shared/runConditions';

interface LiveResult extends BenchRunFacts {
  setup: { cluster: string; change: string; stream: string };
  targets: { sseP99Ms: number; uiP99Ms: number };
  sse: LatencyPercentiles & {
    missed: number[];
    /** Changes first seen at the stream's maxWaitMs cap or later (≥ maxWaitMs − 50 ms). */
    atMaxWait: number;
  };
  ui:
    | (LatencyPercentiles & { measured: true; missed: number[] })
    | { measured: false; why: string };
  patchMs: { p50?: number; p99?: number };
  summary: string;
}

/** The docs section of `yarn bench:live`, from its own result. */
export function renderLiveSection(r: LiveResult): string {
  const { sse, targets } = r;
  const verdict = verdictOnP99(
    'API server → SSE client',
    sse.p99,
    targets.sseP99Ms,
  );
  return `
Time from the API server's answer to a write to the bench Deployment (one merge \`PATCH\`
through \`@kubernetes/client-node\`, as cluster admin) to the first \`event: view\` showing that
change at an SSE client in the bench process, and to the matrix cell of that Deployment showing
the new replica count in headless Chromium (the plugin's \`MulticlusterContent\` with its real
client, served from the backend's own origin, timed by a \`MutationObserver\` in the page). The backend under test is Kubeplatform's (the
\`ours\` contender) as its own process on a free port; the Deployment lives in a throwaway
namespace on \`${r.setup.cluster}\`, deleted afterwards. Each change: ${
    r.setup.change
  }; changes
are one at a time with a random 300–600 ms pause after the previous one was seen. Stream
settings: ${r.setup.stream}.

${runConditions(r)}, so absolute times are indicative.

| Leg | changes | p50 | p90 | p99 | max | never seen |
| --- | --- | --- | --- | --- | --- | --- |
| API server → SSE client | ${sse.n} | ${ms(sse.p50)} | ${ms(sse.p90)} | ${ms(
    sse.p99,
  )} | ${ms(sse.max)} | ${sse.missed.length} |
${screenRow(r.ui)}

The PATCH itself took p50 ${ms(r.patchMs.p50)}, p99 ${ms(r.patchMs.p99)}.

${verdict} The figure is mostly the stream's own pacing, not transport: a change after 250 ms
of quiet is sent at once, and the changes that follow it are sent after 250 ms of quiet, at the
latest 1,000 ms after the first of them. Every change anywhere in the watched fleet counts (the
demo's simulations change other workloads all the time), and a scale or image change is followed
within milliseconds by the controller's own writes (a ReplicaSet, pods created or deleted,
status updates), so the view that shows the change often falls into a burst: ${
    sse.atMaxWait
  } of ${
    sse.n
  } changes were first seen only at the 1,000 ms cap (≥ 950 ms). What would lower it: let only
changes to the entity's own objects restart the stream's quiet time, or a lower \`maxWaitMs\`. ${screenVerdict(
    r.ui,
    targets.uiP99Ms,
  )}

Summary line: \`${r.summary}\`
`;
}

function ms(value: number | undefined) {
  return value === undefined ? '–' : `${value} ms`;
}

function screenRow(ui: LiveResult['ui']) {
  if (!ui.measured)
    return '| API server → screen (Chromium) | not measured | | | | | |';
  return `| API server → screen (Chromium) | ${ui.n} | ${ms(ui.p50)} | ${ms(
    ui.p90,
  )} | ${ms(ui.p99)} | ${ms(ui.max)} | ${ui.missed.length} |`;
}

function screenVerdict(ui: LiveResult['ui'], targetMs: number) {
  if (!ui.measured)
    return `The screen leg (target ≤ ${targetMs} ms) is not measured: ${ui.why}.`;
  return `${verdictOnP99(
    'API server → screen',
    ui.p99,
    targetMs,
  )} The page reads a stream of its own, so its figure is that stream's plus React's render of the new view, and can come out a few ms below the bench client's.`;
}
