import type {
  ResourceRequirementsSummary,
  WorkloadUsage,
} from '@kubeplatform/clusters-common';
import type { Tone } from '../../view/clusterStatus';
import { formatBytes, formatCpu } from '../drawer/format';

export type UsageResource = 'cpu' | 'memory';

/** One resource's use against what the containers ask for and are capped at. */
export interface UsageFigures {
  resource: UsageResource;
  used?: number;
  request?: number;
  limit?: number;
}

/** What a pod, a container or a workload carries: usage beside requests and limits. */
interface WithUsage {
  cpuMillicores?: number;
  memoryBytes?: number;
  resources?: ResourceRequirementsSummary;
}

export const resourceTitle: Record<UsageResource, string> = {
  cpu: 'CPU',
  memory: 'Memory',
};

export function formatUsage(resource: UsageResource, value?: number): string {
  return resource === 'cpu' ? formatCpu(value) : formatBytes(value);
}

/** CPU and memory of a pod or container (requests and limits under `resources`). */
export function podFigures(x: WithUsage): UsageFigures[] {
  const r = x.resources ?? {};
  return [
    {
      resource: 'cpu',
      used: x.cpuMillicores,
      request: r.cpuRequestMillicores,
      limit: r.cpuLimitMillicores,
    },
    {
      resource: 'memory',
      used: x.memoryBytes,
      request: r.memoryRequestBytes,
      limit: r.memoryLimitBytes,
    },
  ];
}

/** CPU and memory of a workload (requests and limits of the same pods beside the sums). */
export function workloadFigures(usage: WorkloadUsage): UsageFigures[] {
  return podFigures({
    cpuMillicores: usage.cpuMillicores,
    memoryBytes: usage.memoryBytes,
    resources: usage,
  });
}

/** `used` as a whole percentage of `of`; undefined when either is missing or `of` is 0. */
export function percentOf(used?: number, of?: number): number | undefined {
  if (used === undefined || of === undefined || of <= 0) return undefined;
  return Math.round((used / of) * 100);
}

/**
 * How worrying a use is. Against a limit: from 90 % red (memory is OOM-killed at its limit, CPU
 * throttled), from 75 % amber. Against a request: above 100 % amber, since the scheduler placed the
 * pod for less than it uses; below, fine.
 */
export function usageTone(percent: number, against: 'request' | 'limit'): Tone {
  if (against === 'limit') {
    if (percent >= 90) return 'error';
    if (percent >= 75) return 'warning';
    return 'ok';
  }
  return percent > 100 ? 'warning' : 'ok';
}

/**
 * One line for tooltips and screen readers, e.g.
 * `CPU 750m (250% of requests 300m, no limit), memory 540 MiB (141% of requests 384 MiB, 70% of limits 768 MiB)`.
 */
export function usageSentence(figures: UsageFigures[], plural = false): string {
  return figures
    .filter(f => f.used !== undefined)
    .map((f, i) => {
      const title = resourceTitle[f.resource];
      const parts = [
        referenceText(f, 'request', plural),
        referenceText(f, 'limit', plural),
      ].filter(Boolean);
      return `${i === 0 ? title : title.toLocaleLowerCase()} ${formatUsage(
        f.resource,
        f.used,
      )} (${parts.length ? parts.join(', ') : 'no request or limit'})`;
    })
    .join(', ');
}

function referenceText(
  f: UsageFigures,
  against: 'request' | 'limit',
  plural: boolean,
): string | undefined {
  const of = f[against];
  const percent = percentOf(f.used, of);
  if (percent === undefined)
    return against === 'limit' ? 'no limit' : undefined;
  return `${percent}% of ${against}${plural ? 's' : ''} ${formatUsage(
    f.resource,
    of,
  )}`;
}
