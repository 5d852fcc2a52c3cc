import type { TrimmedMetadata } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { sentence } from './conditions';
import { namespaceFlag, problemObject } from './objectRef';
import { Problem } from './types';

/** The admission error a ResourceQuota gives; Kubernetes has used this wording since 1.0. */
const QUOTA_EXCEEDED = /exceeded quota/i;

export function isQuotaExceeded(message: string | undefined): boolean {
  return QUOTA_EXCEEDED.test(message ?? '');
}

/**
 * A controller could not create pods (a ReplicaFailure condition, or a FailedCreate event).
 * Quota is the common cause and has its own code, because its fix is different.
 */
export function replicaFailureProblem(
  kind: string,
  metadata: TrimmedMetadata<KubernetesTimestamp> | undefined,
  reason: string | undefined,
  message: string | undefined,
  since: string | undefined,
): Problem {
  const name = metadata?.name ?? '(unnamed)';
  const creates = kind === 'CronJob' ? 'Jobs' : 'pods';
  const ns = namespaceFlag(metadata);
  const detail = message ? `: ${sentence(message)}` : '.';
  if (isQuotaExceeded(message)) {
    return {
      code: 'QuotaExceeded',
      severity: 'error',
      message: `${kind} ${name} cannot create ${creates} because a ResourceQuota is exhausted${detail}`,
      suggestedFix: `See what is used and what is left with \`kubectl describe resourcequota ${ns.trimEnd()}\`. Then raise the quota (ask the namespace's owners), lower the resource requests, or remove workloads you no longer need; the controller retries on its own.`,
      object: problemObject(kind, metadata),
      since,
    };
  }
  return {
    code: 'ReplicaFailure',
    severity: 'error',
    message: `${kind} ${name} cannot create pods (${
      reason ?? 'FailedCreate'
    })${detail}`,
    suggestedFix: `The API server refused them; the reason above names the rule (admission webhook, PodSecurity, LimitRange, missing ServiceAccount). \`kubectl get events ${ns}--field-selector reason=FailedCreate\` lists each refusal. Fix the pod template or the policy, and the controller retries.`,
    object: problemObject(kind, metadata),
    since,
  };
}
