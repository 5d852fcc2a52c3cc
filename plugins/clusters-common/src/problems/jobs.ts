import type { TrimmedCondition, TrimmedJob } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { findCondition, sentence } from './conditions';
import { namespaceFlag, problemObject } from './objectRef';
import { toIso } from './timestamps';
import { Problem } from './types';

/**
 * The condition saying a Job has failed: Failed=True, or FailureTarget=True, which Kubernetes
 * 1.31+ sets first while the last pods are still terminating.
 */
export function jobFailureCondition(
  job: TrimmedJob<KubernetesTimestamp>,
): TrimmedCondition<KubernetesTimestamp> | undefined {
  const conditions = job.status?.conditions;
  const failed = findCondition(conditions, 'Failed');
  if (failed?.status === 'True') return failed;
  const target = findCondition(conditions, 'FailureTarget');
  return target?.status === 'True' ? target : undefined;
}

/** How a Job ended: complete, failed, or still running. */
export function jobOutcome(
  job: TrimmedJob<KubernetesTimestamp>,
): 'complete' | 'failed' | 'running' {
  if (jobFailureCondition(job)) return 'failed';
  const complete = findCondition(job.status?.conditions, 'Complete');
  return complete?.status === 'True' ? 'complete' : 'running';
}

/** A Job that failed for good: its backoff limit, deadline or pod failure policy was hit. */
export function detectJobProblems(
  job: TrimmedJob<KubernetesTimestamp>,
): Problem[] {
  const failure = jobFailureCondition(job);
  if (!failure) return [];
  const name = job.metadata?.name ?? '(unnamed)';
  return [
    {
      code: 'JobFailed',
      severity: 'error',
      message: `Job ${name} failed (${failure.reason ?? 'Failed'})${
        failure.message ? `: ${sentence(failure.message)}` : '.'
      } ${describeJobPods(job)}`,
      suggestedFix: jobFailureFix(job, failure.reason),
      object: problemObject('Job', job.metadata),
      since: toIso(failure.lastTransitionTime),
    },
  ];
}

export function describeJobPods(job: TrimmedJob<KubernetesTimestamp>): string {
  const failed = job.status?.failed ?? 0;
  const succeeded = job.status?.succeeded ?? 0;
  const limit = job.spec?.backoffLimit ?? 6;
  return `${failed} pod${
    failed === 1 ? '' : 's'
  } failed, ${succeeded} succeeded, backoffLimit ${limit}.`;
}

export function jobFailureFix(
  job: TrimmedJob<KubernetesTimestamp>,
  reason: string | undefined,
): string {
  const name = job.metadata?.name ?? '<job>';
  const ns = namespaceFlag(job.metadata);
  const logs = `List its pods with \`kubectl get pods ${ns}-l job-name=${name}\` and read why they failed with \`kubectl logs ${ns}<pod>\`.`;
  switch (reason) {
    case 'DeadlineExceeded':
      return `The Job ran longer than its activeDeadlineSeconds (${
        job.spec?.activeDeadlineSeconds ?? '?'
      }s). ${logs} Make it faster or raise the deadline.`;
    case 'PodFailurePolicy':
      return `A pod failure policy rule marked the Job failed. ${logs} Fix the cause, then run it again (a Job cannot be restarted; create a new one).`;
    default:
      return `${logs} Fix the cause, then run it again (a Job cannot be restarted; create a new one), or raise backoffLimit if the failures are transient.`;
  }
}
