import type { TrimmedResourceQuota } from '../trimmed';
import { problemObject } from './objectRef';
import { parseQuantity } from './quantity';
import type { KubernetesTimestamp } from './timestamps';
import { Problem } from './types';

/**
 * One resource a ResourceQuota limits, with what is used of it.
 *
 * @public
 */
export interface QuotaResourceUsage {
  /** The quota's resource name, such as `pods`, `requests.cpu` or `count/services`. */
  resource: string;
  used: string;
  hard: string;
  /** used / hard, when both are quantities and hard is above zero. */
  fraction?: number;
  /** Nothing more of this resource can be created in the namespace. */
  atLimit: boolean;
}

/**
 * What a ResourceQuota allows and what is used, in the order the quota lists it.
 *
 * @public
 */
export function quotaUsage(
  quota: TrimmedResourceQuota<KubernetesTimestamp>,
): QuotaResourceUsage[] {
  const hard = quota.status?.hard ?? quota.spec?.hard ?? {};
  const used = quota.status?.used ?? {};
  return Object.entries(hard)
    .map(([resource, limit]) => {
      const usedText = used[resource] ?? '0';
      const h = parseQuantity(limit);
      const u = parseQuantity(usedText);
      const known = h !== undefined && u !== undefined;
      return {
        resource,
        used: usedText,
        hard: limit,
        ...(known && h > 0 && { fraction: u / h }),
        atLimit: known && u >= h,
      };
    })
    .sort((a, b) => a.resource.localeCompare(b.resource));
}

/**
 * A ResourceQuota with a resource used up: the API server refuses anything more of it in the
 * namespace (new pods of a rollout or a scale-up, new Services), even if nothing fails yet.
 */
export function detectResourceQuotaProblems(
  quota: TrimmedResourceQuota<KubernetesTimestamp>,
): Problem[] {
  const full = quotaUsage(quota).filter(r => r.atLimit);
  if (full.length === 0) return [];
  const name = quota.metadata?.name ?? '(unnamed)';
  const ns = quota.metadata?.namespace || '<namespace>';
  return [
    {
      code: 'QuotaAtLimit',
      severity: 'warning',
      message: `ResourceQuota ${name} in ${ns} is at its limit for ${full
        .map(r => `${r.resource} (${r.used} of ${r.hard})`)
        .join(
          ', ',
        )}: creating more is refused, so a rollout or scale-up would stall.`,
      suggestedFix: `Free up or raise the quota: kubectl -n ${ns} describe resourcequota ${name}`,
      object: problemObject('ResourceQuota', quota.metadata),
    },
  ];
}
