import type { V1Pod } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { objectRef } from './__testUtils__/expectProblem';
import { itDetects } from './__testUtils__/detectorTests';
import {
  detectRestartsRising,
  restartsInLastHour,
  samplePodRestarts,
  totalRestarts,
} from './restarts';

// The same crash-looping prod-us pod captured twice: 2 restarts, then 6.
const earlier = loadFixture<V1Pod>('prod-us.pod-crashloop');
const later = loadFixture<V1Pod>('prod-us.pod-crashloop-later');

describe('detectRestartsRising', () => {
  const sample = samplePodRestarts(earlier, new Date('2026-11-22T15:17:00Z'));

  it('samples restart counts per container with the pod uid', () => {
    expect(sample).toEqual({
      at: '2026-11-22T15:17:00.000Z',
      podUid: earlier.metadata!.uid,
      restartCounts: { checkout: 2 },
    });
  });

  itDetects(detectRestartsRising, [
    {
      title: 'reports the restarts added since the sample',
      args: [later, sample, new Date('2026-11-22T15:19:00Z')],
      codes: ['RestartsRising:warning'],
      expected: [
        {
          object: objectRef(
            'Pod',
            'shop',
            'checkout-6bc878c6bd-2z42w',
            'checkout',
          ),
          since: '2026-11-22T15:17:00.000Z',
          messageContains: [
            'restarted 4 times in the last 2 minutes (6 in total)',
          ],
        },
      ],
    },
    {
      title: 'reports nothing when the count has not grown',
      args: [earlier, sample, new Date('2026-11-22T15:19:00Z')],
      codes: [],
    },
    {
      title: 'does not compare a recreated pod with the old one',
      args: [
        later,
        { ...sample, podUid: 'a-different-pod' },
        new Date('2026-11-22T15:19:00Z'),
      ],
      codes: [],
    },
  ]);
});

describe('totalRestarts and restartsInLastHour', () => {
  const now = new Date('2026-11-22T15:19:00Z');
  const oldPod = {
    metadata: { uid: 'u1', creationTimestamp: '2026-11-22T10:00:00Z' },
    status: {
      containerStatuses: [
        { name: 'app', image: 'app', ready: false, restartCount: 5 },
      ],
      initContainerStatuses: [
        { name: 'migrate', image: 'migrate', ready: true, restartCount: 2 },
      ],
    },
  };

  it('counts init containers too', () => {
    expect(totalRestarts(oldPod)).toBe(7);
    expect(totalRestarts({})).toBe(0);
  });

  it('counts the restarts since the baseline for a pod older than an hour', () => {
    const baseline = {
      at: '2026-11-22T14:19:00.000Z',
      podUid: 'u1',
      restartCounts: { app: 3, migrate: 2 },
    };
    expect(restartsInLastHour(oldPod, baseline, now)).toBe(2);
    expect(restartsInLastHour(oldPod, undefined, now)).toBe(7);
  });

  it('counts every restart of a pod younger than an hour', () => {
    const young = {
      ...oldPod,
      metadata: { uid: 'u1', creationTimestamp: '2026-11-22T14:30:00Z' },
    };
    const baseline = {
      at: '2026-11-22T14:40:00.000Z',
      podUid: 'u1',
      restartCounts: { app: 3, migrate: 2 },
    };
    expect(restartsInLastHour(young, baseline, now)).toBe(7);
  });
});
