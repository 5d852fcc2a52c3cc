import { TrimmedPod } from '@kubeplatform/clusters-common';
import { RestartHistory } from './RestartHistory';

const T0 = Date.parse('2026-11-22T12:00:00Z');
const MINUTE = 60_000;

function pod(app: number, init = 0): TrimmedPod {
  return {
    metadata: {
      uid: 'u1',
      name: 'p',
      creationTimestamp: '2026-11-22T08:00:00Z',
    },
    status: {
      containerStatuses: [
        { name: 'app', image: 'app', ready: true, restartCount: app },
      ],
      initContainerStatuses: [
        { name: 'init', image: 'init', ready: true, restartCount: init },
      ],
    },
  };
}

describe('RestartHistory', () => {
  let now = T0;
  const history = () => new RestartHistory(() => now);
  beforeEach(() => {
    now = T0;
  });

  it('keeps nothing for pods that never restarted', () => {
    const h = history();
    h.observe('add', pod(0));
    h.observe('update', pod(0));
    expect(h.baseline(pod(0))).toBeUndefined();
  });

  it('takes the counts at first sight as the baseline of a pod seen with restarts', () => {
    const h = history();
    h.observe('add', pod(3, 1));
    now += 10 * MINUTE;
    h.observe('update', pod(5, 1));
    expect(h.baseline(pod(5, 1))).toEqual({
      at: new Date(T0).toISOString(),
      podUid: 'u1',
      restartCounts: { init: 1, app: 3 },
    });
  });

  it('starts from zero for a pod that restarts while watched', () => {
    const h = history();
    h.observe('add', pod(0));
    h.observe('update', pod(1));
    expect(h.baseline(pod(1))?.restartCounts).toEqual({ init: 0, app: 0 });
  });

  it('moves the baseline to the last sample at or before an hour ago, and forgets deleted pods', () => {
    const h = history();
    h.observe('add', pod(1));
    now += 30 * MINUTE;
    h.observe('update', pod(2));
    now += 40 * MINUTE;
    h.observe('update', pod(4));
    // An hour ago is before the second sample: the first one is still the baseline.
    expect(h.baseline(pod(4))?.restartCounts).toEqual({ init: 0, app: 1 });
    // 40 minutes later, the sample taken 80 minutes ago is.
    now += 40 * MINUTE;
    expect(h.baseline(pod(4))).toEqual({
      at: new Date(T0 + 30 * MINUTE).toISOString(),
      podUid: 'u1',
      restartCounts: { init: 0, app: 2 },
    });
    h.observe('delete', pod(4));
    expect(h.baseline(pod(4))).toBeUndefined();
  });

  it('ignores updates that do not change the restart total', () => {
    const h = history();
    h.observe('add', pod(2));
    now += 90 * MINUTE;
    h.observe('update', pod(2));
    expect(h.baseline(pod(2))?.at).toBe(new Date(T0).toISOString());
  });
});
