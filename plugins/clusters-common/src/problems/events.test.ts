import type { CoreV1Event } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { objectRef } from './__testUtils__/expectProblem';
import { itDetects } from './__testUtils__/detectorTests';
import { detectWarningEventProblems } from './events';

const event = (name: string) => loadFixture<CoreV1Event>(name);

describe('detectWarningEventProblems', () => {
  // dev-eu: the StatefulSet controller could not create quota-ledger-0; last seen 15:17:19.
  const quotaEvent = event('dev-eu.event-statefulset-quota-exceeded');

  itDetects(detectWarningEventProblems, [
    {
      title:
        'reports QuotaExceeded on the StatefulSet while the event is recent',
      args: [quotaEvent, new Date('2026-11-22T15:32:19Z')],
      codes: ['QuotaExceeded:error'],
      expected: [
        {
          object: objectRef(
            'StatefulSet',
            'problem-fixtures-quota',
            'quota-ledger',
          ),
          since: '2026-11-22T15:16:38.000Z',
          messageContains: [
            'pods "quota-ledger-0" is forbidden: exceeded quota: pods-quota',
            'Seen 14 times.',
          ],
        },
      ],
    },
    {
      title: 'drops it 15 minutes after the event was last seen',
      args: [quotaEvent, new Date('2026-11-22T15:32:20Z')],
      codes: [],
    },
    {
      title:
        'ignores other Warning events (prod-us crash-loop BackOff on a pod)',
      args: [
        event('prod-us.event-pod-backoff'),
        new Date('2026-11-22T15:20:00Z'),
      ],
      codes: [],
    },
  ]);
});
