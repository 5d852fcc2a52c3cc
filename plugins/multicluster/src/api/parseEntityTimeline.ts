import type { EntityTimeline } from '@kubeplatform/clusters-common';
import { MalformedResponseError } from './validate';

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function problemOf(value: unknown): string | undefined {
  if (!isObject(value)) return 'the answer is not an object';
  if (!Array.isArray(value.clusters)) return 'clusters is not a list';
  const badCluster = value.clusters.findIndex(
    (c: unknown) =>
      !isObject(c) ||
      typeof c.name !== 'string' ||
      !isObject(c.sync) ||
      typeof c.sync.state !== 'string',
  );
  if (badCluster >= 0) return `clusters[${badCluster}] has no name or sync`;
  if (!Array.isArray(value.entries)) return 'entries is not a list';
  const badEntry = value.entries.findIndex(
    (e: unknown) =>
      !isObject(e) ||
      ['id', 'cluster', 'namespace', 'time', 'type', 'reason', 'message'].some(
        key => typeof e[key] !== 'string',
      ) ||
      !isObject(e.workload) ||
      typeof e.workload.name !== 'string' ||
      (e.rollout !== undefined &&
        (!isObject(e.rollout) || !Array.isArray(e.rollout.images))),
  );
  if (badEntry >= 0) return `entries[${badEntry}] is incomplete`;
  return undefined;
}

/** The timeline from the backend's JSON, or MalformedResponseError saying what is wrong. */
export function parseEntityTimeline(text: string, url: string): EntityTimeline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedResponseError('timeline', url, 'not JSON');
  }
  const problem = problemOf(value);
  if (problem) throw new MalformedResponseError('timeline', url, problem);
  return value as EntityTimeline;
}
