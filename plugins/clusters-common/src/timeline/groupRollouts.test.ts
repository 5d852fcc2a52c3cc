import {
  describeRolloutGroup,
  formatDelay,
  groupRollouts,
} from './groupRollouts';
import type { TimelineEntry } from './types';

const rollout = (
  cluster: string,
  time: string,
  image: string,
  revision: number,
  name = 'checkout',
): TimelineEntry => ({
  id: `${cluster}/${name}/${revision}`,
  cluster,
  namespace: 'shop',
  workload: { kind: 'Deployment', name },
  time,
  type: 'rollout',
  severity: 'info',
  reason: 'Rollout',
  message: `revision ${revision}`,
  rollout: { revision, images: [{ container: name, image }] },
});

describe('groupRollouts', () => {
  it('groups one version across clusters, earliest first, with the delay', () => {
    const groups = groupRollouts([
      rollout('prod-us', '2026-12-01T12:00:00Z', 'demo/checkout:1.5.0', 4),
      rollout('dev-eu', '2026-12-01T10:00:00Z', 'demo/checkout:1.5.0', 7),
      rollout('dev-eu', '2026-11-30T10:00:00Z', 'demo/checkout:1.4.2', 6),
    ]);
    expect(groups.map(g => g.version)).toEqual(['1.5.0', '1.4.2']);
    expect(groups[0].reached).toEqual([
      {
        cluster: 'dev-eu',
        namespace: 'shop',
        time: '2026-12-01T10:00:00Z',
        revision: 7,
        delayMs: 0,
      },
      {
        cluster: 'prod-us',
        namespace: 'shop',
        time: '2026-12-01T12:00:00Z',
        revision: 4,
        delayMs: 2 * 3600_000,
      },
    ]);
    expect(describeRolloutGroup(groups[0])).toBe(
      '1.5.0 reached prod-us 2 h after dev-eu',
    );
    expect(describeRolloutGroup(groups[1])).toBe('1.4.2 reached dev-eu');
  });

  it('keeps workloads apart and ignores entries that are not rollouts', () => {
    const other = rollout(
      'dev-eu',
      '2026-12-01T10:00:00Z',
      'demo/worker:1.5.0',
      1,
      'checkout-worker',
    );
    const groups = groupRollouts([
      rollout('dev-eu', '2026-12-01T09:00:00Z', 'demo/checkout:1.5.0', 1),
      other,
      { ...other, id: 'x', type: 'config' },
    ]);
    expect(groups.map(g => g.workload.name)).toEqual([
      'checkout-worker',
      'checkout',
    ]);
  });

  it('orders versions created within one second by where they went next, then revision', () => {
    const groups = groupRollouts([
      rollout('dev-eu', '2026-12-01T10:00:00Z', 'demo/checkout:1.0.0', 1),
      rollout('prod-us', '2026-12-01T10:00:00Z', 'demo/checkout:1.0.0', 1),
      rollout('dev-eu', '2026-12-01T10:00:00Z', 'demo/checkout:2.0.0', 2),
      rollout('prod-us', '2026-12-01T10:00:03Z', 'demo/checkout:2.0.0', 2),
    ]);
    expect(groups.map(g => g.version)).toEqual(['2.0.0', '1.0.0']);
    const sameSecond = groupRollouts([
      rollout('dev-eu', '2026-12-01T10:00:00Z', 'demo/checkout:1.0.0', 1),
      rollout('dev-eu', '2026-12-01T10:00:00Z', 'demo/checkout:2.0.0', 2),
    ]);
    expect(sameSecond.map(g => g.version)).toEqual(['2.0.0', '1.0.0']);
  });

  it('reads tags after a registry port, and digests', () => {
    const [group] = groupRollouts([
      rollout('dev-eu', '2026-12-01T09:00:00Z', 'reg:5000/app:2.0', 1),
    ]);
    expect(group.version).toBe('2.0');
    const [pinned] = groupRollouts([
      rollout(
        'dev-eu',
        '2026-12-01T09:00:00Z',
        'app@sha256:0123456789abcdef',
        1,
      ),
    ]);
    expect(pinned.version).toBe('sha256:0123456789ab');
  });

  it('formats delays', () => {
    expect(formatDelay(40_000)).toBe('40 s');
    expect(formatDelay(12 * 60_000)).toBe('12 min');
    expect(formatDelay(90 * 60_000)).toBe('1.5 h');
    expect(formatDelay(3 * 86400_000)).toBe('3 d');
  });
});
