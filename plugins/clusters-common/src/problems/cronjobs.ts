import type { TrimmedCronJob, TrimmedJob } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { jobFailureCondition, jobOutcome, describeJobPods } from './jobs';
import { sentence } from './conditions';
import { namespaceFlag, problemObject } from './objectRef';
import { toIso, toMillis } from './timestamps';
import { Problem } from './types';

/**
 * The Jobs a CronJob created: those in its namespace whose owner references name it, by uid when
 * both sides have one. A Job without owner references is not counted: it may be a one-off Job
 * that happens to share the namespace, and calling it a failed run would be a false alarm.
 */
export function jobsOwnedByCronJob(
  cronJob: TrimmedCronJob<KubernetesTimestamp>,
  jobs: TrimmedJob<KubernetesTimestamp>[],
): TrimmedJob<KubernetesTimestamp>[] {
  const uid = cronJob.metadata?.uid;
  const name = cronJob.metadata?.name;
  return jobs.filter(
    job =>
      job.metadata?.namespace === cronJob.metadata?.namespace &&
      (job.metadata?.ownerReferences ?? []).some(
        owner =>
          owner.kind === 'CronJob' &&
          (uid && owner.uid ? owner.uid === uid : owner.name === name),
      ),
  );
}

function startedAt(job: TrimmedJob<KubernetesTimestamp>): number {
  return (
    toMillis(job.status?.startTime) ??
    toMillis(job.metadata?.creationTimestamp) ??
    0
  );
}

/**
 * A CronJob whose last finished run failed. Runs still in progress are skipped, so a failure stays
 * reported until a later run completes. A lastSuccessfulTime newer than the failed run also clears
 * it, since successfulJobsHistoryLimit: 0 deletes the successful Jobs that would show it.
 */
export function detectCronJobProblems(
  cronJob: TrimmedCronJob<KubernetesTimestamp>,
  jobsOwnedByIt: TrimmedJob<KubernetesTimestamp>[],
): Problem[] {
  const finished = jobsOwnedByCronJob(cronJob, jobsOwnedByIt)
    .filter(job => jobOutcome(job) !== 'running')
    .sort((a, b) => startedAt(b) - startedAt(a));
  const lastRun = finished[0];
  if (!lastRun || jobOutcome(lastRun) !== 'failed') return [];
  const lastSuccess = toMillis(cronJob.status?.lastSuccessfulTime);
  if (lastSuccess !== undefined && lastSuccess > startedAt(lastRun)) return [];

  const failure = jobFailureCondition(lastRun);
  const name = cronJob.metadata?.name ?? '(unnamed)';
  const jobName = lastRun.metadata?.name ?? '(unnamed)';
  const ns = namespaceFlag(cronJob.metadata);
  const started = toIso(lastRun.status?.startTime);
  return [
    {
      code: 'CronJobLastRunFailed',
      severity: 'error',
      message: `The last run of CronJob ${name} (Job ${jobName}${
        started ? `, started ${started}` : ''
      }) failed (${failure?.reason ?? 'Failed'})${
        failure?.message ? `: ${sentence(failure.message)}` : '.'
      } ${describeJobPods(lastRun)} ${
        cronJob.status?.lastSuccessfulTime
          ? `Last success: ${toIso(cronJob.status.lastSuccessfulTime)}.`
          : 'No successful run on record.'
      }`,
      suggestedFix: `Read why it failed with \`kubectl logs ${ns}job/${jobName}\` (or list its pods with \`kubectl get pods ${ns}-l job-name=${jobName}\`). After fixing it, run it once now with \`kubectl create job ${ns}--from=cronjob/${name} ${name}-manual\` rather than waiting for the schedule (${
        cronJob.spec?.schedule ?? 'its schedule'
      }).`,
      object: problemObject('CronJob', cronJob.metadata),
      since: toIso(failure?.lastTransitionTime),
    },
  ];
}
