import type { PodUsage } from '../metrics/types';
import { containerRequirements } from '../metrics/usage';
import type { TrimmedPod } from '../trimmed';
import { namespaceArg, problemObject } from './objectRef';
import type { KubernetesTimestamp } from './timestamps';
import { Problem } from './types';

/**
 * At or above this share of its memory limit a container gets `MemoryNearLimit`: the kernel
 * OOM-kills it when it reaches the limit.
 *
 * @public
 */
export const MEMORY_NEAR_LIMIT_FRACTION = 0.9;

const MiB = 2 ** 20;

/**
 * Containers of a running pod whose memory use (from `metrics.k8s.io`) is at or above 90 % of
 * their memory limit. Containers without a limit, or without a sample, are not judged.
 */
export function detectMemoryNearLimit(
  pod: TrimmedPod<KubernetesTimestamp>,
  usage: PodUsage | undefined,
): Problem[] {
  if (!usage || pod.status?.phase !== 'Running') return [];
  const problems: Problem[] = [];
  for (const container of pod.spec?.containers ?? []) {
    const limit = containerRequirements(container).memoryLimitBytes;
    const used = usage.containers.find(c => c.name === container.name);
    if (!limit || !used) continue;
    const fraction = used.memoryBytes / limit;
    if (fraction < MEMORY_NEAR_LIMIT_FRACTION) continue;
    const podName = pod.metadata?.name ?? '(unnamed)';
    problems.push({
      code: 'MemoryNearLimit',
      severity: 'warning',
      message: `Container ${container.name} uses ${mib(
        used.memoryBytes,
      )} of its ${mib(limit)} memory limit (${Math.round(
        fraction * 100,
      )} %): it is OOM-killed when it reaches the limit.`,
      suggestedFix: `Raise the container's memory limit, or find what holds the memory: kubectl top pod ${namespaceArg(
        pod.metadata,
      )} ${podName} --containers`,
      object: problemObject('Pod', pod.metadata, container.name),
      ...(usage.timestamp && { since: usage.timestamp }),
    });
  }
  return problems;
}

function mib(bytes: number): string {
  const value = bytes / MiB;
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} MiB`;
}
