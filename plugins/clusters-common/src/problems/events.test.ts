import type { CoreV1Event } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, expectProblem } from './__testUtils__/expectProblem';
import { detectWarningEventProblems } from './events';

const event = (name: string) => loadFixture<CoreV1Event>(name);

describe('detectWarningEventProblems', () => {
  // dev-eu: the StatefulSet controller could not create quota-ledger-0; last seen 15:17:19.
  const quotaEvent = event('dev-eu.event-statefulset-quota-exceeded');

  it('reports QuotaExceeded on the StatefulSet while the event is recent', () => {
    const problems = detectWarningEventProblems(
      quotaEvent,
      new Date('2026-11-22T15:32:19Z'),
    );
    expect(codes(problems)).toEqual(['QuotaExceeded:error']);
    expectProblem(problems[0], {
      object: {
        kind: 'StatefulSet',
        namespace: 'problem-fixtures-quota',
        name: 'quota-ledger',
      },
      since: '2026-11-22T15:16:38.000Z',
      messageContains: [
        'pods "quota-ledger-0" is forbidden: exceeded quota: pods-quota',
        'Seen 14 times.',
      ],
    });
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
