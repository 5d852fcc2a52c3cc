import { runConditions, type BenchRunFacts } from '../shared/runConditions';
import type { PodsMeasurement, ViewMeasurement } from './renderTab';

/** One contender's view and pods table, once. */
export interface ContenderRun {
  view: ViewMeasurement;
  pods: PodsMeasurement;
  /** Chromium main-thread CPU time from render() to the overview in the DOM. */
  viewCpuMs: number;
  /** From the first click to the pods table's rows in the DOM. */
  podsCpuMs: number;
  totalCpuMs: number;
}

interface Stats {
  median: number;
  min: number;
  max: number;
}

interface ContenderSummary {
  runs: ContenderRun[];
  viewCpuMs: Stats;
  podsCpuMs: Stats;
  totalCpuMs: Stats;
  viewProfilerMs: Stats;
  podsProfilerMs: Stats;
  totalWallMs: Stats;
  shown: number;
  podRows: number;
}

export interface UiResult extends BenchRunFacts {
  environment: string;
  options: {
    clusters: number;
    workloadsPerCluster: number;
    podsPerWorkload: number;
  };
  namespace: string;
  pods: number;
  answerBytes: { upstream: number; ours: number };
  /** Median wall time of JSON.parse of each answer in the page (not part of the renders). */
  answerParseMs: { upstream: number; ours: number };
  runs: number;
  ours: ContenderSummary;
  upstream: ContenderSummary;
  /** Upstream's median total CPU over ours. */
  ratio: number;
  chunks: Record<'ours' | 'upstream', { gzipped: number; zodMinified: number }>;
  sharedLibraries: string[];
  summary: string;
}

/** The docs section of `yarn bench:multicluster-ui`, from its own result. */
export function renderMulticlusterUiSection(r: UiResult): string {
  const o = r.options;
  const podsPerCluster = o.workloadsPerCluster * o.podsPerWorkload;
  const row = (label: string, pick: (s: ContenderSummary) => Stats) =>
    `| ${label} | ${stat(pick(r.ours))} | ${stat(pick(r.upstream))} |`;
  return `
_Written by \`${r.command}\` on ${
    r.date
  }. Raw result: [benchmarks/multicluster-ui.json](benchmarks/multicluster-ui.json)._

One service (\`checkout\`) on ${
    o.clusters
  } clusters with ${podsPerCluster} pods each (${
    o.workloadsPerCluster
  } Deployments of ${o.podsPerWorkload} pods, two containers per pod,
${
  r.pods
} pods in all; one crash-looping pod in every seventh cluster), shown by each contender's entity
content in ${
    r.environment
  }, in the same page, run after run (the order alternates; one warm-up round
first). **The same objects** feed both: upstream gets them raw, as \`getObjectsByEntity\` of
\`@backstage/plugin-kubernetes-backend\` answers (${kb(
    r.answerBytes.upstream,
  )} of JSON); ours gets the entity view and the drawer's
workload detail that the multicluster backend's own view code builds from them after the watch
cache's own trim functions (${kb(
    r.answerBytes.ours,
  )} for the view). Both answers are handed to the
page before the clock starts, so network and JSON parsing are left out of the renders — which
spares upstream the larger download; parsing the answers alone takes the page ${
    r.answerParseMs.upstream
  } ms for upstream's and ${
    r.answerParseMs.ours
  } ms for ours (median of five \`JSON.parse\` calls).

- **ours:** \`@kubeplatform/plugin-multicluster\`'s Clusters tab until the matrix is on screen
  (${
    r.ours.shown
  } cells); then a click on \`checkout\`'s cell in the first cluster and on the drawer's Pods tab,
  until the pods table's rows are on screen (${
    r.ours.podRows
  } rows, its first page).
- **upstream:** \`@backstage/plugin-kubernetes\`'s entity content (\`Router\`, which
  \`EntityKubernetesContent\` renders) with its real components, until all ${
    r.upstream.shown
  } cluster panels are on
  screen; then a click on the first cluster's panel and on its \`checkout\` Deployment, until that
  Deployment's pods table's rows are on screen (${
    r.upstream.podRows
  } rows, its first page). Permissions allow
  all, as for a signed-in user; the refresh interval is raised so no refetch falls in a run.

Times are Chromium's main-thread CPU time (\`Performance.getMetrics\` ThreadTime; it includes
React, style and layout, and does not grow when other jobs take a core away) and React's own
\`<Profiler>\` \`actualDuration\` (production profiling build), over ${
    r.runs
  } runs each.

${runConditions(r)}.

| main-thread CPU, median (min–max) | ours | upstream |
| --- | ---: | ---: |
${row('overview on screen', s => s.viewCpuMs)}
${row('pods table on screen, after the clicks', s => s.podsCpuMs)}
${row('**both (the headline)**', s => s.totalCpuMs)}
${row('React Profiler: overview', s => s.viewProfilerMs)}
${row('React Profiler: pods table', s => s.podsProfilerMs)}
${row('wall time, both', s => s.totalWallMs)}

Upstream takes **${
    r.ratio
  }×** ours' main-thread time for the same service and the same pods.

JavaScript each plugin adds to the app, bundled the same way (esbuild, minified, gzip -9, lazy
chunks included), leaving out the libraries every Backstage app already ships (${r.sharedLibraries
    .map(s => `\`${s}\``)
    .join(', ')}):

| plugin | gzipped |
| --- | ---: |
| @kubeplatform/plugin-multicluster (/alpha) | ${kb(r.chunks.ours.gzipped)} |
| @backstage/plugin-kubernetes (/alpha) | ${kb(r.chunks.upstream.gzipped)} |

${
  r.chunks.ours.zodMinified
    ? `Of ours, ${kb(
        r.chunks.ours.zodMinified,
      )} (minified) is zod, which reaches the browser through @kubeplatform/clusters-common's index.`
    : 'No zod reaches our bundle.'
}

Summary line: \`${r.summary}\`
`;
}

function stat(s: Stats) {
  return `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
