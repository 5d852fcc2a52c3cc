import type { TrimmedContainer, TrimmedPod } from '../trimmed';
import { parseQuantity } from '../problems/quantity';
import type {
  ContainerUsage,
  PodUsage,
  ResourceRequirementsSummary,
} from './types';

/**
 * A `PodMetrics` object of `metrics.k8s.io/v1beta1` as the API serves it.
 *
 * @public
 */
export interface PodMetricsObject {
  metadata?: { name?: string; namespace?: string };
  timestamp?: string;
  window?: string;
  containers?: Array<{
    name: string;
    usage?: { cpu?: string; memory?: string };
  }>;
}

/**
 * A PodMetrics object as numbers: CPU in millicores, memory in bytes. Quantities that do not parse
 * count as 0.
 *
 * @public
 */
export function podUsageOf(metrics: PodMetricsObject): PodUsage {
  const windowSeconds = parseDurationSeconds(metrics.window);
  return {
    ...(metrics.timestamp && { timestamp: String(metrics.timestamp) }),
    ...(windowSeconds !== undefined && { windowSeconds }),
    containers: (metrics.containers ?? []).map(c => ({
      name: c.name,
      cpuMillicores: millicores(c.usage?.cpu) ?? 0,
      memoryBytes: Math.round(parseQuantity(c.usage?.memory) ?? 0),
    })),
  };
}

/**
 * The pod's usage summed over its containers.
 *
 * @public
 */
export function totalUsage(
  usage: PodUsage,
): Pick<ContainerUsage, 'cpuMillicores' | 'memoryBytes'> {
  return usage.containers.reduce(
    (sum, c) => ({
      cpuMillicores: sum.cpuMillicores + c.cpuMillicores,
      memoryBytes: sum.memoryBytes + c.memoryBytes,
    }),
    { cpuMillicores: 0, memoryBytes: 0 },
  );
}

const requirementsOfSpec = new WeakMap<
  TrimmedContainer,
  ResourceRequirementsSummary
>();

/**
 * A container's requests and limits as numbers; fields it does not set are absent.
 *
 * @public
 */
export function containerRequirements(
  container: TrimmedContainer,
): ResourceRequirementsSummary {
  // The watch cache shares one container spec among the replicas of a template, and views read
  // every pod's requirements on every request: remembered per spec object.
  let found = requirementsOfSpec.get(container);
  if (!found) {
    found = Object.freeze(parseRequirements(container));
    requirementsOfSpec.set(container, found);
  }
  return found;
}

function parseRequirements(
  container: TrimmedContainer,
): ResourceRequirementsSummary {
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  const out: ResourceRequirementsSummary = {};
  const cpuRequest = millicores(requests.cpu);
  const cpuLimit = millicores(limits.cpu);
  const memoryRequest = bytes(requests.memory);
  const memoryLimit = bytes(limits.memory);
  if (cpuRequest !== undefined) out.cpuRequestMillicores = cpuRequest;
  if (cpuLimit !== undefined) out.cpuLimitMillicores = cpuLimit;
  if (memoryRequest !== undefined) out.memoryRequestBytes = memoryRequest;
  if (memoryLimit !== undefined) out.memoryLimitBytes = memoryLimit;
  return out;
}

/**
 * Requests and limits summed: a request sums the parts that set one; a limit is given only when
 * every part sets one (one unbounded part makes the whole unbounded).
 *
 * @public
 */
export function sumRequirements(
  parts: ResourceRequirementsSummary[],
): ResourceRequirementsSummary {
  const out: ResourceRequirementsSummary = {};
  const requestKeys = ['cpuRequestMillicores', 'memoryRequestBytes'] as const;
  const limitKeys = ['cpuLimitMillicores', 'memoryLimitBytes'] as const;
  for (const key of requestKeys) {
    const set = parts.filter(p => p[key] !== undefined);
    if (set.length) out[key] = set.reduce((n, p) => n + (p[key] ?? 0), 0);
  }
  for (const key of limitKeys) {
    if (parts.length && parts.every(p => p[key] !== undefined))
      out[key] = parts.reduce((n, p) => n + (p[key] ?? 0), 0);
  }
  return out;
}

/**
 * A pod's requests and limits: the sum over its (regular) containers.
 *
 * @public
 */
export function podRequirements(
  pod: TrimmedPod<unknown>,
): ResourceRequirementsSummary {
  return sumRequirements(
    (pod.spec?.containers ?? []).map(containerRequirements),
  );
}

function millicores(quantity: string | undefined): number | undefined {
  const cores = parseQuantity(quantity);
  return cores === undefined ? undefined : Math.round(cores * 1000);
}

function bytes(quantity: string | undefined): number | undefined {
  const value = parseQuantity(quantity);
  return value === undefined ? undefined : Math.round(value);
}

/** `30s`, `1m0.5s`, `15.002s` (Go durations as metrics-server writes them) in seconds. */
function parseDurationSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const units: Record<string, number> = {
    h: 3600,
    m: 60,
    s: 1,
    ms: 1e-3,
    us: 1e-6,
    µs: 1e-6,
    ns: 1e-9,
  };
  let seconds = 0;
  let rest = text.trim();
  if (!rest) return undefined;
  while (rest) {
    const match = /^([0-9.]+)(h|ms|us|µs|ns|m|s)/.exec(rest);
    if (!match) return undefined;
    seconds += Number(match[1]) * units[match[2]];
    rest = rest.slice(match[0].length);
  }
  return Number.isFinite(seconds) ? seconds : undefined;
}
