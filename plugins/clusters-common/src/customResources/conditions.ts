import type { TrimmedCondition } from '../trimmed';
import { toIso, type KubernetesTimestamp } from '../problems/timestamps';
import type {
  CustomResourceHealth,
  CustomResourceHealthStatus,
  TrimmedCustomResource,
} from './types';

/**
 * A custom resource as the health rules accept it: trimmed, with timestamps as strings or Dates.
 *
 * @public
 */
export type AnyCustomResource = TrimmedCustomResource<KubernetesTimestamp>;

export function conditionOf(
  obj: AnyCustomResource,
  type: string,
): TrimmedCondition<KubernetesTimestamp> | undefined {
  return obj.status?.conditions?.find(c => c.type === type);
}

/** The condition of that type when its status is the one given ('True', 'False' or 'Unknown'). */
export function conditionWithStatus(
  obj: AnyCustomResource,
  type: string,
  status: string,
): TrimmedCondition<KubernetesTimestamp> | undefined {
  const condition = conditionOf(obj, type);
  return condition?.status === status ? condition : undefined;
}

/** A health decided by a condition, carrying its reason, message and transition time. */
export function fromCondition(
  status: CustomResourceHealthStatus,
  rule: string,
  condition: TrimmedCondition<KubernetesTimestamp>,
): CustomResourceHealth {
  const health: CustomResourceHealth = { status, rule };
  if (condition.reason) health.reason = condition.reason;
  if (condition.message) health.message = condition.message;
  const since = toIso(condition.lastTransitionTime);
  if (since) health.since = since;
  return health;
}

/**
 * observedGeneration as a number: a number by convention, a decimal string in Argo Rollouts
 * before 1.0 and in some other controllers. Undefined when absent or not a whole number.
 */
export function observedGenerationOf(
  obj: AnyCustomResource,
): number | undefined {
  const value = obj.status?.observedGeneration;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
