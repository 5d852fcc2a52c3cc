import { toIso, type KubernetesTimestamp } from '../problems/timestamps';
import { customResourceHealth } from './kindRules';
import type { CustomResourceSummary, TrimmedCustomResource } from './types';

/**
 * A custom resource as the view shows it, with its health.
 *
 * @public
 */
export function summariseCustomResource(
  obj: TrimmedCustomResource<KubernetesTimestamp>,
): CustomResourceSummary {
  const summary: CustomResourceSummary = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    namespace: obj.metadata?.namespace ?? '',
    name: obj.metadata?.name ?? '',
    health: customResourceHealth(obj),
    conditions: (obj.status?.conditions ?? []).map(c => {
      const since = toIso(c.lastTransitionTime);
      return {
        type: c.type,
        status: c.status,
        ...(c.reason && { reason: c.reason }),
        ...(c.message && { message: c.message }),
        ...(since && { lastTransitionTime: since }),
      };
    }),
  };
  if (obj.status?.phase) summary.phase = obj.status.phase;
  const createdAt = toIso(obj.metadata?.creationTimestamp);
  if (createdAt) summary.createdAt = createdAt;
  return summary;
}
