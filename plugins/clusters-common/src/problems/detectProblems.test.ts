import type { V1CronJob, V1Job, V1Pod } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { detectProblems } from './detectProblems';
import { samplePodRestarts } from './restarts';

const at = (iso: string) => new Date(iso);

describe('detectProblems', () => {
  it('runs every detector and sorts worst first, then oldest first', () => {
    const problems = detectProblems(
      {
        pods: [
          loadFixture<V1Pod>('dev-eu.pod-restarted'),
          loadFixture<V1Pod>('dev-eu.pod-unschedulable'),
          loadFixture<V1Pod>('dev-eu.pod-running'),
        ],
        autoscalers: [loadFixture('prod-us.hpa-at-max')],
        jobs: [loadFixture<V1Job>('prod-us.job-failed')],
      },
      at('2026-11-22T15:30:00Z'),
    );
    expect(
      problems.map(p => [p.code, p.severity, p.object.name, p.since]),
    ).toEqual([
      [
        'Unschedulable',
        'error',
        'notifications-845f4b6bd4-fb4xx',
        '2026-11-22T15:16:04.000Z',
      ],
      ['HpaAtMaxReplicas', 'error', 'checkout', '2026-11-22T15:16:21.000Z'],
      ['JobFailed', 'error', 'search-reindex', '2026-11-22T15:16:24.000Z'],
      [
        'HpaMetricsUnavailable',
        'warning',
        'checkout',
        '2026-11-22T15:16:36.000Z',
      ],
      ['RestartsRising', 'warning', 'restarted', '2026-11-22T15:16:59.000Z'],
    ]);
  });

  it('matches CronJobs with their own Jobs out of all the Jobs given', () => {
    const cronJob = loadFixture<V1CronJob>(
      'dev-eu.cronjob-failed-then-running',
    );
    const jobs = [
      ...loadFixture<V1Job[]>('dev-eu.cronjob-failed-then-running.jobs'),
      loadFixture<V1Job>('prod-us.job-failed'),
    ];
    const problems = detectProblems(
      { cronJobs: [cronJob], jobs },
      at('2026-11-22T15:22:00Z'),
    );
    expect(problems.map(p => `${p.code} ${p.object.name}`)).toEqual([
      'JobFailed search-reindex',
      'JobFailed nightly-report-29922677',
      // Both started at 15:20:04; a stable sort keeps detector order for ties.
      'JobFailed nightly-report-29922680',
      'CronJobLastRunFailed nightly-report',
    ]);
  });

  it('uses a restart sample for the exact count instead of the history-free guess', () => {
    const restarted = loadFixture<V1Pod>('dev-eu.pod-restarted');
    const sample = {
      ...samplePodRestarts(restarted, at('2026-11-22T15:10:00Z')),
      restartCounts: { migrate: 0, app: 1 },
    };
    const problems = detectProblems(
      {
        pods: [restarted],
        restartSamples: new Map([[restarted.metadata!.uid!, sample]]),
      },
      at('2026-11-22T15:30:00Z'),
    );
    expect(problems.map(p => [p.code, p.since])).toEqual([
      ['RestartsRising', '2026-11-22T15:10:00.000Z'],
    ]);
    expect(problems[0].message).toContain(
      'restarted 1 time in the last 20 minutes (2 in total)',
    );
  });

  it('does not add a restart count to a crash loop (prod-us checkout, 2 then 6 restarts)', () => {
    const earlier = loadFixture<V1Pod>('prod-us.pod-crashloop');
    const later = loadFixture<V1Pod>('prod-us.pod-crashloop-later');
    const problems = detectProblems(
      {
        pods: [later],
        restartSamples: new Map([
          [
            earlier.metadata!.uid!,
            samplePodRestarts(earlier, at('2026-11-22T15:17:00Z')),
          ],
        ]),
      },
      at('2026-11-22T15:19:00Z'),
    );
    expect(problems.map(p => p.code)).toEqual(['CrashLoopBackOff']);
  });
});
