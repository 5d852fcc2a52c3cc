import { runConditions, type BenchRunFacts } from '../shared/runConditions';
import type { ChildResult } from './childProtocol';
import type { LineFit } from './leastSquares';
import {
  CACHE_CLASSES,
  METRICS_CLASS,
  POD_METRICS,
  sizeOf,
  type SnapshotSizes,
} from './retainedSize';

/** The issue's target: at most 1 KB of heap per production-shaped pod. */
export const SLOPE_TARGET_BYTES = 1024;

export interface HeapResult extends BenchRunFacts {
  machine: BenchRunFacts['machine'] & { memoryGiB: number; node: string };
  shape: string;
  sizes: number[];
  repeats: number;
  /** Time to get each size's pods Running in the bench's own cluster. */
  populateMs: Record<number, number>;
  target: { slopeBytes: number };
  fits: {
    heapUsed: LineFit;
    rss: LineFit;
    snapshotRetained: LineFit;
    /** The pod-metrics readers' retained size, part of `snapshotRetained`. */
    podMetricsRetained: LineFit;
  };
  withCache: Array<ChildResult & { scalePods: number }>;
  withoutCache: Array<ChildResult & { scalePods: number }>;
  snapshots: Array<SnapshotSizes & { pods: number }>;
  summary: string;
}

/** The docs section of `yarn bench:heap`, from its own result. */
export function renderHeapSection(r: HeapResult): string {
  const fit = r.fits.heapUsed;
  const slope = Math.round(fit.slope);
  const met = slope <= r.target.slopeBytes;
  const rows = r.withCache.map(run => {
    const delta = run.after.heapUsed - run.before.heapUsed;
    const withoutRss = r.withoutCache.find(w => w.scalePods === run.scalePods)
      ?.after.rss;
    return `| ${run.scalePods} | ${run.pods} | ${objectCount(run)} | ${mib(
      delta,
    )} | ${Math.round(delta / run.pods)} | ${mib(
      run.after.external - run.before.external,
    )} | ${run.podsWithUsage ?? '–'} | ${mib(run.after.rss)} | ${
      withoutRss === undefined ? '–' : mib(withoutRss)
    } | ${(run.syncMs / 1000).toFixed(1)} s |`;
  });
  const snapshotRows = r.snapshots.map(
    s =>
      `| ${s.pods} | ${s.sizes
        .map(
          x =>
            `${mib(x.retainedBytes)} (${Math.round(
              x.retainedBytes / s.pods,
            )} B/pod)`,
        )
        .join(' | ')} | ${mib(s.reachableBytes)} |`,
  );
  const largest = r.withCache[r.withCache.length - 1];
  const kinds = Object.entries(largest.objects)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const retainedSlope = Math.round(r.fits.snapshotRetained.slope);
  const lastSnapshot = r.snapshots[r.snapshots.length - 1];
  const perPod = (bytes: number) => Math.round(bytes / lastSnapshot.pods);
  const breakdown = lastSnapshot.breakdown
    .slice(0, 8)
    .map(
      k =>
        `${k.kind === 'string' ? 'strings' : `\`${k.kind}\``} ${perPod(
          k.bytes,
        )} B (${(k.count / lastSnapshot.pods).toFixed(1)} per pod)`,
    )
    .join(', ');
  const verdict = met
    ? `**Target met:** ${slope} bytes per pod against at most ${r.target.slopeBytes}.`
    : `**Target missed** by ${
        slope - r.target.slopeBytes
      } bytes per pod (${slope} against at most ${r.target.slopeBytes}).`;
  const metricsSlope = Math.round(r.fits.podMetricsRetained.slope);
  const metricsPerPod = perPod(sizeOf(lastSnapshot, POD_METRICS));
  const why = `What a pod costs, from the snapshot at ${
    lastSnapshot.pods
  } pods (retained by the cache and
its tables, divided by the pods; the count is heap objects per pod): ${breakdown}. Of that,
${metricsPerPod} B per pod is the pods' usage samples that the pod-metrics reader (\`${METRICS_CLASS}\`)
keeps from metrics.k8s.io; its retained size grows ${metricsSlope} B per pod over the snapshots.${
    met
      ? ''
      : ` What would close the gap: the samples (one array per pod: its timestamp, window,
shared container names and two numbers per container, keyed by the cached pod's own name string),
and the watch cache's own ${
          retainedSlope - metricsSlope
        } B per pod: the pod object with its metadata and spec; its status, conditions
and container statuses where no pod seen recently has equal ones; its name, uid and
resourceVersion strings; its entry in the informer's store; its place in two index buckets.`
  }`;
  const sharingText = sharingParagraph(largest);
  return `
_Written by \`${r.command}\` on ${
    r.date
  }. Raw result: [benchmarks/heap.json](benchmarks/heap.json)._

What a backend holds for each pod it caches. The bench starts a one-cluster fleet of its own
(\`.local-clusters/bench-heap\`, through the same code as \`yarn clusters up --shape ${
    r.shape
  }\`; the shared fleet is not touched) and grows it to ${r.sizes.join(
    ', ',
  )} scale-mode pods of the **${r.shape}** shape (${shapeWords(
    r.shape,
  )}), next to the demo fleet. At each size, ${
    r.repeats
  } fresh Node processes (\`--expose-gc\`) each load the watch cache of
\`@kubeplatform/clusters-node\`, build it from the cluster's generated app-config as the backend does
(every resource type the backend watches, cluster-wide), wait until it is synced and 3 s more, fetch pod metrics once more (the reader's first fetch races
the first list of pods; from its next one, every 30 s, a backend keys each sample by the cached
pod's own name string, and that steady state is what is measured), and, up to 75 s, until
the pod-metrics reader has a usage sample for 95% of the pods (metrics-server scrapes new pods a
while after they start),
and read \`process.memoryUsage()\` after six forced full collections; before starting the cache, the
same process read it the same way. The heap the cache adds is the difference. One more process per
size loads the same code and builds the clusters service but no cache ("RSS without"). The first
process of each size then writes a heap snapshot (\`v8.writeHeapSnapshot\`), in which the bench
computes retained sizes: the bytes that become unreachable from the roots once the objects are
taken out (weak edges retain nothing), for the \`WatchCache\` object alone, for every instance of
the cache's classes together (${CACHE_CLASSES.map(c => `\`${c}\``).join(
    ', ',
  )}: timers and sockets also reach the cluster watchers, informers and metrics readers, so the
\`WatchCache\` object alone dominates almost nothing), of those for the pod-metrics readers alone
(each pod's last usage sample), for the intern module's tables (shared strings, shared
shapes, and the bounded table of recently shared records: module state that exists only for the
cache), and for the cache's objects and the tables together.
The per-pod slope and the fixed part are a least-squares line through every process's
(cached pods, heap added) point: everything the cache holds (ReplicaSets, Deployments, events,
indexes, connections) is charged either to the pods or to the fixed part.

${runConditions(
  r,
)}. Heap figures after forced collection barely depend on load; RSS does a little.

| scale pods | cached pods | cached objects | heap added | per pod (B) | external added | pods with a usage sample | RSS with cache | RSS without | sync |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

**Least squares over ${fit.n} processes:** heap = ${mib(
    fit.intercept,
  )} + ${slope} B × pods
(r² ${fit.r2.toFixed(4)}). Process RSS grows ${Math.round(
    r.fits.rss.slope,
  )} B per pod. At ${largest.pods} pods the cache held ${kinds}.

Heap snapshots (retained size; last column: everything reachable in the process):

| cached pods | \`WatchCache\` object alone | cache objects | of those, pod metrics | intern tables | cache objects + intern tables | whole heap |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${snapshotRows.join('\n')}

The retained size of cache and tables together grows ${retainedSlope} B per pod (least squares over
the snapshots); it stays below the heap the cache adds because code compiled and connection state
created while syncing are reachable from elsewhere, which is most of the fixed part.

${verdict} The snapshots' retained size of cache and tables grows ${retainedSlope} B per pod; the
target is judged on the heap slope, which counts everything the cache makes the process hold.

${why}

${sharingText}

Summary line: \`${r.summary}\`
`;
}

/**
 * How far the cache's sharing of conditions and container statuses went in this run, and why
 * another cluster may share less: equal records need equal timestamps.
 */
function sharingParagraph(run: ChildResult): string {
  const s = run.sharing;
  if (!s) return '';
  const words: Record<keyof NonNullable<ChildResult['sharing']>, string> = {
    conditionLists: 'condition lists',
    conditions: 'conditions',
    containerStatusLists: 'container-status lists',
    containerStatuses: 'container statuses',
    containerStates: 'container states',
    podStatuses: 'pod statuses',
  };
  const parts = (Object.keys(words) as Array<keyof typeof words>).map(
    k => `${s[k].references} ${words[k]} are ${s[k].distinct} objects`,
  );
  return `Records shared, at ${run.pods} cached pods: ${parts.join(
    '; ',
  )}. The cache shares a pod status, a condition, a container status or a container state only
with an equal one seen recently (a bounded table), and these records carry timestamps: they are equal only for
pods and containers that changed state in the same second. In this cluster (kwok) all containers
of a pod start in the second the pod does, and the replicas of one Deployment are created
together; where kubelets start containers seconds apart and replicas start one by one, fewer
records are equal, each pod keeps more objects of its own, and the slope is higher than here. The
object counts above say how much of this run's figure the sharing accounts for.`;
}

function shapeWords(shape: string) {
  return shape === 'production'
    ? 'an app container with eight env vars, two ports, startup, liveness and readiness probes, requests and limits, volume mounts and a security context; an Envoy sidecar with its own probe and requests; in every other service a Fluent Bit log shipper; images, versions, teams, labels and annotations vary by service, 20 replicas per Deployment'
    : 'one container with a request and two labels, 50 replicas per Deployment: the best case for a cache that shares repeated values';
}

function objectCount(run: ChildResult) {
  return Object.values(run.objects).reduce((a, b) => a + b, 0);
}

function mib(bytes: number) {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
