import type { Environment } from '@kubeplatform/clusters-common';
import { dueExpiryNotices, reaperNotices } from './environmentNotices';
import { testEnvironment } from './__testUtils__/testEnvironment';

const HOUR = 3_600_000;
const now = new Date('2026-12-01T12:00:00.000Z');
const leadTimes = [
  { text: '24h', ms: 24 * HOUR },
  { text: '1h', ms: HOUR },
];

function environment(
  name: string,
  expiresInMs: number,
  status: Environment['status'] = 'ready',
): Environment {
  return testEnvironment(name, {
    owner: 'user:default/ada',
    status,
    expiresAt: new Date(now.getTime() + expiresInMs).toISOString(),
  });
}

function due(env: Environment, at: Date = now) {
  return dueExpiryNotices([env], leadTimes, at).map(notice => ({
    key: notice.key,
    last: notice.kind === 'expiring' && notice.last,
  }));
}

describe('dueExpiryNotices', () => {
  it('is quiet while the environment has more than the longest lead time left', () => {
    expect(due(environment('far', 25 * HOUR))).toEqual([]);
  });

  it('gives the notice of the shortest lead time the remaining life fits in', () => {
    const env = environment('soon', 2 * HOUR);
    expect(due(env)).toEqual([
      {
        key: `expiring/${24 * HOUR}/dev-eu/soon/${env.expiresAt}`,
        last: false,
      },
    ]);
    const later = new Date(now.getTime() + 1.5 * HOUR);
    expect(due(env, later)).toEqual([
      { key: `expiring/${HOUR}/dev-eu/soon/${env.expiresAt}`, last: true },
    ]);
  });

  it('gives one notice, the last one, when the environment starts inside the shortest lead', () => {
    expect(due(environment('brief', 30 * 60_000))).toEqual([
      expect.objectContaining({ last: true }),
    ]);
  });

  it('names the same notice the same way on every run, and a new one after an extension', () => {
    const env = environment('stable', 20 * HOUR);
    const first = due(env);
    const second = due(env, new Date(now.getTime() + 60_000));
    expect(second).toEqual(first);
    const extended = { ...env, expiresAt: '2026-12-02T10:00:00.000Z' };
    expect(due(extended)[0].key).not.toEqual(first[0].key);
  });

  it('says nothing of expired environments (the reaper tells) or ones being made or removed', () => {
    expect(due(environment('gone', -60_000))).toEqual([]);
    expect(due(environment('now', 0))).toEqual([]);
    for (const status of ['provisioning', 'failed', 'deleting'] as const) {
      expect(due(environment(status, HOUR / 2, status))).toEqual([]);
    }
    expect(due(environment('asleep', HOUR / 2, 'sleeping'))).toHaveLength(1);
  });

  it('takes lead times in any order', () => {
    const env = environment('order', 2 * HOUR);
    expect(
      dueExpiryNotices([env], [...leadTimes].reverse(), now)[0].key,
    ).toContain(`expiring/${24 * HOUR}/`);
  });
});

describe('reaperNotices', () => {
  it('names reaped environments by their expiry and sleeps by the day, for the owner seen before', () => {
    const reaped = environment('old', -60_000);
    const slept = environment('night', 5 * HOUR);
    const notices = reaperNotices(
      { deleted: [reaped.ref, 'dev-eu/unknown'], slept: [slept.ref] },
      [reaped, slept],
      now,
    );
    expect(
      notices.map(n => ({
        kind: n.kind,
        key: n.key,
        owner: n.environment.owner,
      })),
    ).toEqual([
      {
        kind: 'reaped',
        key: `reaped/dev-eu/old/${reaped.expiresAt}`,
        owner: 'user:default/ada',
      },
      {
        kind: 'slept',
        key: 'slept/dev-eu/night/2026-12-01',
        owner: 'user:default/ada',
      },
    ]);
  });
});
