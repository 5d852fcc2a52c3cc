import { verdictOnP99 } from '../live/latency';
import {
  runConditions,
  type BenchRunFacts,
  type LatencyPercentiles,
} from '../shared/runConditions';

interface FanoutResult extends BenchRunFacts {
  setup: {
    cluster: string;
    change: string;
    stream: string;
    loadGenerator: string;
  };
  targets: { p99Ms: number };
  streams: number;
  openMs: number;
  changes: {
    requestedRate: number;
    made: number;
    achievedRate: number;
    skippedTicks: number;
    writeErrors: string[];
    patchMsP99?: number;
  };
  latencyMs: LatencyPercentiles;
  viewsPerStream: { min?: number; p50?: number; max?: number };
  dropped: number;
  blocked: number;
  missedChanges: number;
  backend: {
    cpuPercentOfOneCore: number;
    cpuPercentPerSecondMax?: number;
    rssMiB: { idle: number; streamsOpen: number; max: number };
  };
  summary: string;
}

/** The docs section of `yarn bench:fanout`, from its own result. */
export function renderFanoutSection(r: FanoutResult): string {
  const { latencyMs: l, changes: c, backend: b } = r;
  const held = r.dropped === 0 && r.blocked === 0;
  const p99Verdict = verdictOnP99('event', l.p99, r.targets.p99Ms);
  const rateNote =
    c.achievedRate < c.requestedRate
      ? ` The fleet changed ${c.achievedRate} times per second, not the ${
          c.requestedRate
        } asked for: a change waits for the API server's answer to the previous one (PATCH p99 ${ms(
          c.patchMsP99,
        )}), and ${c.skippedTicks} ticks found one still in flight.`
      : '';
  return `
${
  r.streams
} open live-view streams (\`GET …/entities/component/default/bench-live/stream\`) on one
Kubeplatform backend (the \`ours\` contender, its own process) while a Deployment they all show
changes: ${r.setup.change}. Load generator: ${
    r.setup.loadGenerator
  }. Stream settings:
${
  r.setup.stream
}. Latency is, per stream and per change, the time from the API server's
answer to the first view showing that change or a later one (the stream coalesces changes
that come faster than its debounce). A stream is *dropped* when the server ended it, *blocked*
when it never showed the last change within the settle time. Backend CPU is from
\`/proc/<pid>/stat\` over the window, RSS from \`/proc/<pid>/status\`.

${runConditions(r)}, and the load generator shares
the same two cores with the backend, so absolute times are indicative.

| | |
| --- | --- |
| Streams opened (all showing the Deployment) | ${r.streams} in ${r.openMs} ms |
| Changes | ${c.made} (${c.achievedRate}/s; asked ${c.requestedRate}/s) |
| Event latency p50 / p90 / p99 / max | ${ms(l.p50)} / ${ms(l.p90)} / ${ms(
    l.p99,
  )} / ${ms(l.max)} (${l.n} samples) |
| Views per stream min / median / max | ${r.viewsPerStream.min} / ${
    r.viewsPerStream.p50
  } / ${r.viewsPerStream.max} |
| Dropped / blocked streams | ${r.dropped} / ${r.blocked} (${
    r.missedChanges
  } change·stream pairs never seen) |
| Backend CPU (share of one core) | ${b.cpuPercentOfOneCore} % mean, ${
    b.cpuPercentPerSecondMax
  } % busiest second |
| Backend RSS idle / streams open / max | ${b.rssMiB.idle} / ${
    b.rssMiB.streamsOpen
  } / ${b.rssMiB.max} MiB |

${p99Verdict} ${
    held
      ? `Every stream was held and showed the last change.`
      : `${r.dropped} streams were dropped and ${r.blocked} blocked; the target of 1,000 streams held is missed.`
  }${rateNote} Under constant change a stream sends a view at the latest \`maxWaitMs\`
(1,000 ms) after the first change of a burst, so a change waits up to a second for the stream by
design; the rest of the p99 (${
    l.p99 === undefined ? '–' : `${l.p99 - 1000} ms`
  } above that second) is the backend building, fingerprinting and writing one view per stream
and the load generator reading ${
    r.streams
  } streams, all on the same shared cores.

The backend used ${
    b.cpuPercentOfOneCore
  } % of one core over the window, so the streams did not
saturate it; with a load average of ${r.load.after.loadavg[0]} on ${
    r.machine.nproc
  } cores at the end, runnable processes (the backend, the load generator and other work on the
machine) waited for a core, and that wait is in these latencies.

Summary line: \`${r.summary}\`
`;
}

function ms(value: number | undefined) {
  return value === undefined ? '–' : `${value} ms`;
}
