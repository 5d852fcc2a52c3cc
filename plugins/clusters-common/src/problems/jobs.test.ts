import type { V1Job } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, expectProblem } from './__testUtils__/expectProblem';
import { detectJobProblems, jobOutcome } from './jobs';

const job = (name: string) => loadFixture<V1Job>(name);

describe('detectJobProblems', () => {
  it('reports BackoffLimitExceeded with the pod counts (prod-us search-reindex)', () => {
    const problems = detectJobProblems(job('prod-us.job-failed'));
    expect(codes(problems)).toEqual(['JobFailed:error']);
    expectProblem(problems[0], {
      object: { kind: 'Job', namespace: 'discovery', name: 'search-reindex' },
      since: '2026-11-22T15:16:24.000Z',
      messageContains: [
        'failed (BackoffLimitExceeded)',
        '2 pods failed, 0 succeeded, backoffLimit 1.',
      ],
      fixContains: ['kubectl get pods -n discovery -l job-name=search-reindex'],
    });
  });

  it('reports DeadlineExceeded from the Failed condition, not the earlier FailureTarget', () => {
    const [problem] = detectJobProblems(job('dev-eu.job-deadline-exceeded'));
    expectProblem(problem, {
      code: 'JobFailed',
      since: '2026-11-22T15:16:50.000Z',
      messageContains: ['failed (DeadlineExceeded)'],
      fixContains: ['activeDeadlineSeconds (20s)'],
    });
  });

  it('reports a Job that only has FailureTarget yet, while its pods terminate', () => {
    const failing = job('dev-eu.job-deadline-exceeded');
    failing.status!.conditions = failing.status!.conditions!.filter(
      condition => condition.type === 'FailureTarget',
    );
    const [problem] = detectJobProblems(failing);
    expectProblem(problem, {
      code: 'JobFailed',
      since: '2026-11-22T15:16:49.000Z',
    });
  });

  it('reports nothing for a completed or running Job', () => {
    const [complete] = loadFixture<V1Job[]>('dev-eu.cronjob-healthy.jobs');
    const jobs = loadFixture<V1Job[]>(
      'dev-eu.cronjob-failed-then-running.jobs',
    );
    const running = jobs.find(j => jobOutcome(j) === 'running')!;
    expect(jobOutcome(complete)).toBe('complete');
    expect(detectJobProblems(complete)).toEqual([]);
    expect(running.metadata!.name).toBe('nightly-report-29922681');
    expect(detectJobProblems(running)).toEqual([]);
  });
});
