import {
  EntityView,
  OwnerView,
  WorkloadDetail,
} from '@kubeplatform/clusters-common';

/**
 * The backend answered, but not with the shape this plugin understands.
 *
 * @public
 */
export class MalformedResponseError extends Error {
  name = 'MalformedResponseError';
  constructor(what: string, url: string, problem: string) {
    super(
      `The multicluster backend sent a malformed ${what} from ${url}: ${problem}`,
    );
  }
}

type Check = (value: any) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkClusterView(value: any, index: number): string | undefined {
  if (!isObject(value)) return `clusters[${index}] is not an object`;
  if (!isObject(value.cluster) || typeof value.cluster.name !== 'string') {
    return `clusters[${index}].cluster.name is missing`;
  }
  if (!isObject(value.sync) || typeof value.sync.state !== 'string') {
    return `clusters[${index}].sync.state is missing`;
  }
  if (!Array.isArray(value.workloads)) {
    return `clusters[${index}].workloads is not a list`;
  }
  if (!Array.isArray(value.problems)) {
    return `clusters[${index}].problems is not a list`;
  }
  return undefined;
}

const checkEntityView: Check = value => {
  if (!isObject(value)) return 'the body is not a JSON object';
  if (typeof value.entityRef !== 'string') return 'entityRef is missing';
  if (!Array.isArray(value.clusters)) return 'clusters is not a list';
  if (!Array.isArray(value.drift)) return 'drift is not a list';
  for (let i = 0; i < value.clusters.length; i++) {
    const problem = checkClusterView(value.clusters[i], i);
    if (problem) return problem;
  }
  return undefined;
};

const checkWorkloadDetail: Check = value => {
  if (!isObject(value)) return 'the body is not a JSON object';
  if (!isObject(value.cluster)) return 'cluster is missing';
  if (!isObject(value.sync)) return 'sync is missing';
  if (!isObject(value.workload)) return 'workload is missing';
  if (!Array.isArray(value.pods)) return 'pods is not a list';
  if (!Array.isArray(value.events)) return 'events is not a list';
  if (!isObject(value.kubectl) || !Array.isArray(value.kubectl.commands)) {
    return 'kubectl.commands is not a list';
  }
  return undefined;
};

const checkOwnerView: Check = value => {
  if (!isObject(value)) return 'the body is not a JSON object';
  if (typeof value.ownerRef !== 'string') return 'ownerRef is missing';
  if (!Array.isArray(value.entities)) return 'entities is not a list';
  return undefined;
};

function parse<T>(what: string, check: Check, text: string, url: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedResponseError(what, url, 'the body is not JSON');
  }
  const problem = check(value);
  if (problem) throw new MalformedResponseError(what, url, problem);
  return value as T;
}

export const parseEntityView = (text: string, url: string) =>
  parse<EntityView>('entity view', checkEntityView, text, url);

export const parseWorkloadDetail = (text: string, url: string) =>
  parse<WorkloadDetail>('workload detail', checkWorkloadDetail, text, url);

export const parseOwnerView = (text: string, url: string) =>
  parse<OwnerView>('owner view', checkOwnerView, text, url);
