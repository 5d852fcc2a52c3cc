import type { CoreV1Event } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { detectWarningEventProblems } from './events';

const event = (name: string) => loadFixture<CoreV1Event>(name);

describe('detectWarningEventProblems', () => {
  // dev-eu: the StatefulSet controller could not create quota-ledger-0; last seen 15:17:19.
  const quotaEvent = event('dev-eu.event-statefulset-quota-exceeded');

  it('reports QuotaExceeded on the StatefulSet while the event is recent', () => {
    const [problem, ...rest] = detectWarningEventProblems(
      quotaEvent,
      new Date('2026-11-22T15:32:19Z'),
    );
    expect(rest).toEqual([]);
    expect(problem.code).toBe('QuotaExceeded');
    expect(problem.severity).toBe('error');
    expect(problem.object).toEqual({
      kind: 'StatefulSet',
      namespace: 'problem-fixtures-quota',
      name: 'quota-ledger',
    });
    expect(problem.since).toBe('2026-11-22T15:16:38.000Z');
    expect(problem.message).toContain(
      'pods "quota-ledger-0" is forbidden: exceeded quota: pods-quota',
    );
    expect(problem.message).toContain('Seen 14 times.');
  });

  it('drops it 15 minutes after the event was last seen', () => {
    expect(
      detectWarningEventProblems(quotaEvent, new Date('2026-11-22T15:32:20Z')),
    ).toEqual([]);
  });

  it('ignores other Warning events (prod-us crash-loop BackOff on a pod)', () => {
    const backOff = event('prod-us.event-pod-backoff');
    expect(
      detectWarningEventProblems(backOff, new Date('2026-11-22T15:20:00Z')),
    ).toEqual([]);
  });
});
