import { ContenderName } from '../contenders/types';

/**
 * What one page view showed, reduced to what both contenders must agree on: the workloads
 * (`cluster/Kind/namespace/name`) and the pods per cluster.
 */
export interface ViewContent {
  workloads: string[];
  podsByCluster: Record<string, number>;
}

/** A page view: its latency (request sent to body received), and why it failed, if it did. */
export interface PageView {
  ms: number;
  failure?: string;
  content?: ViewContent;
}

const UPSTREAM_WORKLOAD_TYPES: Record<string, string> = {
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
};

/**
 * Loads what the contender's entity page fetches for service `id`. Parsing and checking the body
 * happen after the clock stops, so the bench process's JSON work is charged to neither side.
 * A view fails on a non-2xx answer or when any of `clusters` is missing or not ok.
 */
export async function pageView(
  contender: ContenderName,
  apiUrl: string,
  id: string,
  clusters: string[],
): Promise<PageView> {
  const t0 = performance.now();
  let status: number;
  let body: string;
  try {
    const res =
      contender === 'upstream'
        ? await fetch(`${apiUrl}/kubernetes/services/${id}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              entity: {
                kind: 'Component',
                metadata: { name: id, namespace: 'default' },
              },
            }),
          })
        : await fetch(
            `${apiUrl}/multicluster/entities/component/default/${id}`,
          );
    status = res.status;
    body = await res.text();
  } catch (error) {
    return { ms: performance.now() - t0, failure: `${id}: ${error}` };
  }
  const ms = performance.now() - t0;
  if (status < 200 || status >= 300)
    return { ms, failure: `${id}: HTTP ${status}` };
  try {
    const content =
      contender === 'upstream'
        ? readUpstream(JSON.parse(body), clusters)
        : readOurs(JSON.parse(body), clusters);
    return { ms, content };
  } catch (error) {
    return { ms, failure: `${id}: ${(error as Error).message}` };
  }
}

interface UpstreamResponse {
  items: Array<{
    cluster: { name: string };
    resources: Array<{
      type: string;
      resources: Array<{
        metadata: {
          namespace: string;
          name: string;
          ownerReferences?: Array<{ kind: string }>;
        };
      }>;
    }>;
    errors: Array<{ errorType: string; statusCode?: number }>;
  }>;
}

/**
 * What a view shows of `clusters`, read cluster by cluster: `readCluster` names a cluster's
 * workloads (`cluster/kind/namespace/name`) and counts its pods, or throws what is wrong with it.
 */
function readClusters(
  clusters: string[],
  readCluster: (name: string) => { workloads: string[]; pods: number },
): ViewContent {
  const workloads: string[] = [];
  const podsByCluster: Record<string, number> = {};
  for (const name of clusters) {
    const read = readCluster(name);
    workloads.push(...read.workloads);
    podsByCluster[name] = read.pods;
  }
  return { workloads: workloads.sort(), podsByCluster };
}

function readUpstream(body: UpstreamResponse, clusters: string[]): ViewContent {
  return readClusters(clusters, name => {
    const item = body.items.find(i => i.cluster.name === name);
    if (!item) throw new Error(`cluster ${name} missing`);
    if (item.errors.length)
      throw new Error(
        `cluster ${name}: ${item.errors
          .map(e => `${e.errorType} ${e.statusCode ?? ''}`.trim())
          .join(', ')}`,
      );
    const workloads: string[] = [];
    let pods = 0;
    for (const fetched of item.resources) {
      if (fetched.type === 'pods') pods = fetched.resources.length;
      const kind = UPSTREAM_WORKLOAD_TYPES[fetched.type];
      if (!kind) continue;
      for (const r of fetched.resources) {
        // Ours shows a CronJob's Jobs (and their pods) inside the CronJob; upstream lists them
        // too. Compared as what ours shows: the CronJob, with the same pods.
        if (kind === 'Job' && ownedByCronJob(r.metadata)) continue;
        workloads.push(
          `${name}/${kind}/${r.metadata.namespace}/${r.metadata.name}`,
        );
      }
    }
    return { workloads, pods };
  });
}

function ownedByCronJob(metadata: {
  ownerReferences?: Array<{ kind: string }>;
}) {
  return (metadata.ownerReferences ?? []).some(o => o.kind === 'CronJob');
}

interface OurResponse {
  incomplete: boolean;
  clusters: Array<{
    cluster: { name: string };
    sync: { state: string; reason?: string };
    workloads: Array<{
      kind: string;
      namespace: string;
      name: string;
      podPhases: Record<string, number>;
    }>;
  }>;
}

function readOurs(body: OurResponse, clusters: string[]): ViewContent {
  const content = readClusters(clusters, name => {
    const view = body.clusters.find(c => c.cluster.name === name);
    if (!view) throw new Error(`cluster ${name} missing`);
    if (view.sync.state !== 'ok')
      throw new Error(
        `cluster ${name} is ${view.sync.state}${
          view.sync.reason ? ` (${view.sync.reason})` : ''
        }`,
      );
    return {
      workloads: view.workloads.map(
        w => `${name}/${w.kind}/${w.namespace}/${w.name}`,
      ),
      pods: view.workloads
        .flatMap(w => Object.values(w.podPhases))
        .reduce((a, b) => a + b, 0),
    };
  });
  if (body.incomplete) throw new Error('incomplete is true');
  return content;
}
