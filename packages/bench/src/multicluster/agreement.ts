import { ContenderProcess } from '../contenders/startContender';
import { pageView, ViewContent } from './pageViews';

/**
 * Before any timing: for every service, both contenders must show the same workloads and the same
 * pods per cluster, with every cluster ok (and, on ours, `incomplete` false). A service whose pods
 * change while it is compared (ours read before and after upstream differ) is compared again until
 * it holds still or `timeoutMs` passes; a disagreement on a still service fails at once.
 */
export async function assertSameContent(
  upstream: ContenderProcess,
  ours: ContenderProcess,
  serviceIds: string[],
  clusters: string[],
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs;
  const agreed: Record<string, ViewContent> = {};
  for (const id of serviceIds) {
    for (;;) {
      const before = await read(ours, id, clusters);
      const theirs = await read(upstream, id, clusters);
      const after = await read(ours, id, clusters);
      if (same(before, after)) {
        if (!same(theirs, after))
          throw new Error(
            `${id}: the contenders disagree\n  upstream: ${describe(
              theirs,
            )}\n  ours:     ${describe(after)}`,
          );
        agreed[id] = after;
        break;
      }
      if (Date.now() > deadline)
        throw new Error(`${id}: its pods kept changing for ${timeoutMs} ms`);
      await new Promise(r => setTimeout(r, 1000));
    }
  }
  return agreed;
}

async function read(
  contender: ContenderProcess,
  id: string,
  clusters: string[],
): Promise<ViewContent> {
  const view = await pageView(contender.name, contender.apiUrl, id, clusters);
  if (view.failure || !view.content)
    throw new Error(`${contender.name} view failed: ${view.failure}`);
  return view.content;
}

function same(a: ViewContent, b: ViewContent) {
  return describe(a) === describe(b);
}

function describe(c: ViewContent) {
  return JSON.stringify({ workloads: c.workloads, pods: c.podsByCluster });
}

/** Waits until every service's view on `contender` is complete (every cluster ok). */
export async function waitForCompleteViews(
  contender: ContenderProcess,
  serviceIds: string[],
  clusters: string[],
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (const id of serviceIds) {
    for (;;) {
      const view = await pageView(
        contender.name,
        contender.apiUrl,
        id,
        clusters,
      );
      if (!view.failure) break;
      if (Date.now() > deadline)
        throw new Error(
          `${contender.name}: no complete view within ${timeoutMs} ms (${view.failure})`,
        );
      await new Promise(r => setTimeout(r, 250));
    }
  }
}
