import type { V1CronJob, V1Job } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, expectProblem } from './__testUtils__/expectProblem';
import { detectCronJobProblems, jobsOwnedByCronJob } from './cronjobs';

// dev-eu nightly-report, captured four times as its runs failed, recovered, failed and ran again.
const capture = (name: string) => ({
  cronJob: loadFixture<V1CronJob>(`dev-eu.${name}`),
  jobs: loadFixture<V1Job[]>(`dev-eu.${name}.jobs`),
});

describe('detectCronJobProblems', () => {
  it('reports a CronJob whose only run failed', () => {
    const { cronJob, jobs } = capture('cronjob-last-run-failed');
    const problems = detectCronJobProblems(cronJob, jobs);
    expect(codes(problems)).toEqual(['CronJobLastRunFailed:error']);
    expectProblem(problems[0], {
      object: {
        kind: 'CronJob',
        namespace: 'problem-fixtures',
        name: 'nightly-report',
      },
      since: '2026-11-22T15:17:04.000Z',
      messageContains: [
        'Job nightly-report-29922677, started 2026-11-22T15:17:00.000Z',
        'failed (BackoffLimitExceeded)',
        'No successful run on record.',
      ],
      fixContains: [
        'kubectl logs -n problem-fixtures job/nightly-report-29922677',
        'kubectl create job -n problem-fixtures --from=cronjob/nightly-report',
      ],
    });
  });

  it('clears once a later run succeeds', () => {
    const { cronJob, jobs } = capture('cronjob-recovered');
    expect(jobs.map(job => job.metadata?.name)).toEqual([
      'nightly-report-29922677',
      'nightly-report-29922678',
      'nightly-report-29922679',
    ]);
    expect(detectCronJobProblems(cronJob, jobs)).toEqual([]);
  });

  it('judges the last finished run while a newer run is still going', () => {
    const { cronJob, jobs } = capture('cronjob-failed-then-running');
    const [problem] = detectCronJobProblems(cronJob, jobs);
    expectProblem(problem, {
      code: 'CronJobLastRunFailed',
      since: '2026-11-22T15:20:04.000Z',
      messageContains: [
        'Job nightly-report-29922680',
        'Last success: 2026-11-22T15:19:07.000Z.',
      ],
    });
  });

  it('trusts lastSuccessfulTime when successful Jobs were not kept', () => {
    // The recovered CronJob with only its failed Job left, as successfulJobsHistoryLimit: 0 leaves it.
    const { cronJob, jobs } = capture('cronjob-recovered');
    const failedOnly = jobs.filter(
      job => job.metadata?.name === 'nightly-report-29922677',
    );
    expect(detectCronJobProblems(cronJob, failedOnly)).toEqual([]);
  });

  it('reports nothing for a CronJob whose runs succeed (dev-eu cleanup)', () => {
    const { cronJob, jobs } = capture('cronjob-healthy');
    expect(detectCronJobProblems(cronJob, jobs)).toEqual([]);
  });

  it('ignores a one-off Job in the same namespace (prod-us: search-reindex next to notifications-digest)', () => {
    const oneOff = loadFixture<V1Job>('prod-us.job-failed');
    const digest = loadFixture<V1CronJob>(
      'prod-us.cronjob-notifications-digest',
    );
    expect(oneOff.metadata?.namespace).toBe(digest.metadata?.namespace);
    expect(detectCronJobProblems(digest, [oneOff])).toEqual([]);
  });

  it('ignores Jobs another CronJob owns', () => {
    const nightly = capture('cronjob-last-run-failed');
    const cleanup = capture('cronjob-healthy');
    expect(jobsOwnedByCronJob(cleanup.cronJob, nightly.jobs)).toEqual([]);
    expect(
      detectCronJobProblems(cleanup.cronJob, [
        ...nightly.jobs,
        ...cleanup.jobs,
      ]),
    ).toEqual([]);
  });
});
