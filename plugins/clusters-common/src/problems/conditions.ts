import type { KubernetesTimestamp } from './timestamps';

/** The fields every Kubernetes status condition shares, whatever its generated type. */
export interface StatusCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: KubernetesTimestamp;
}

export function findCondition<C extends StatusCondition>(
  conditions: C[] | undefined,
  type: string,
): C | undefined {
  return conditions?.find(condition => condition.type === type);
}

/** A condition message ends without a full stop in some controllers and with one in others. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
