const POLL_PAUSE_MS = 20;

/** A distinct thing the view said, and when it first said it (ms after the backend was spawned). */
export interface ObservedState {
  atMs: number;
  /** e.g. `HTTP 503` or `dev-eu=syncing(0) prod-us=ok(12) incomplete`. */
  state: string;
  polls: number;
}

interface ViewBody {
  incomplete: boolean;
  clusters: Array<{
    cluster: { name: string };
    sync: { state: string };
    workloads: unknown[];
  }>;
}

/**
 * Polls the entity view from this process, back to back, until every cluster is `ok` and the
 * view is not `incomplete`. Before that, every cluster that is not ok must say `syncing`, the
 * view must say `incomplete`, and a cluster that says ok must already show every workload it
 * shows when complete: an empty OK view is a violation.
 */
export async function observeUntilComplete(options: {
  apiUrl: string;
  service: string;
  clusters: string[];
  spawnedAt: number;
  timeoutMs: number;
}) {
  const url = `${options.apiUrl}/multicluster/entities/component/default/${options.service}`;
  const states: ObservedState[] = [];
  const views: Array<{ atMs: number; body: ViewBody }> = [];
  let polls = 0;
  const since = () => Math.round(performance.now() - options.spawnedAt);
  const record = (state: string, atMs: number) => {
    const last = states[states.length - 1];
    if (last?.state === state) last.polls += 1;
    else states.push({ atMs, state, polls: 1 });
  };
  for (;;) {
    if (since() > options.timeoutMs)
      throw new Error(
        `no complete view within ${options.timeoutMs} ms; states: ${states
          .map(s => s.state)
          .join(' | ')}`,
      );
    polls += 1;
    // A short pause between polls, so the poller does not take the CPU the backend needs.
    await new Promise(r => setTimeout(r, POLL_PAUSE_MS));
    const res = await fetch(url);
    if (res.status !== 200) {
      record(`HTTP ${res.status}`, since());
      await res.arrayBuffer();
      continue;
    }
    const body: ViewBody = await res.json();
    const atMs = since();
    record(describe(body, options.clusters), atMs);
    views.push({ atMs, body });
    const complete =
      !body.incomplete &&
      options.clusters.every(
        name =>
          body.clusters.find(c => c.cluster.name === name)?.sync.state === 'ok',
      );
    if (complete)
      return {
        completeMs: atMs,
        polls,
        states,
        violations: findViolations(views, body, options.clusters),
      };
  }
}

function describe(body: ViewBody, clusters: string[]) {
  return `${clusters
    .map(name => {
      const c = body.clusters.find(x => x.cluster.name === name);
      return c
        ? `${name}=${c.sync.state}(${c.workloads.length} workload${
            c.workloads.length === 1 ? '' : 's'
          })`
        : `${name}=absent`;
    })
    .join(' ')}${body.incomplete ? ' incomplete' : ''}`;
}

function findViolations(
  views: Array<{ atMs: number; body: ViewBody }>,
  complete: ViewBody,
  clusters: string[],
) {
  const violations: string[] = [];
  const finalCount = (name: string) =>
    complete.clusters.find(c => c.cluster.name === name)!.workloads.length;
  for (const name of clusters)
    if (finalCount(name) === 0)
      violations.push(`the complete view shows no workload in ${name}`);
  for (const { atMs, body } of views.slice(0, -1)) {
    if (!body.incomplete)
      violations.push(`${atMs} ms: not incomplete before every cluster was ok`);
    for (const name of clusters) {
      const c = body.clusters.find(x => x.cluster.name === name);
      if (!c) violations.push(`${atMs} ms: ${name} absent`);
      else if (c.sync.state === 'ok' && c.workloads.length < finalCount(name))
        violations.push(
          `${atMs} ms: ${name} ok with ${c.workloads.length} of ${finalCount(
            name,
          )} workloads`,
        );
      else if (c.sync.state !== 'ok' && c.sync.state !== 'syncing')
        violations.push(`${atMs} ms: ${name} ${c.sync.state}, not syncing`);
    }
  }
  return violations;
}
