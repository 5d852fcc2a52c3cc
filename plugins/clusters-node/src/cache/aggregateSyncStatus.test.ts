import { aggregateSyncStatus } from './aggregateSyncStatus';
import { WatchUnitState } from './WatchUnit';

const now = Date.parse('2026-11-22T16:00:00Z');
const unit = (
  resource: string,
  state: WatchUnitState['state'],
  extra: Partial<WatchUnitState> = {},
): WatchUnitState => ({
  resource,
  state,
  hasData: state === 'ok',
  ...extra,
});

describe('aggregateSyncStatus', () => {
  it('is ok with the age of the oldest data when every watch is ok', () => {
    expect(
      aggregateSyncStatus(
        [
          unit('pods', 'ok', { lastSyncedAt: now - 5_000 }),
          unit('events', 'ok', { lastSyncedAt: now - 1_000 }),
        ],
        now,
      ),
    ).toEqual({
      state: 'ok',
      lastSyncedAt: '2026-11-22T15:59:55.000Z',
      ageSeconds: 5,
    });
  });

  it('is syncing, without an age, until every watch has listed once', () => {
    expect(
      aggregateSyncStatus(
        [unit('pods', 'ok', { lastSyncedAt: now }), unit('events', 'syncing')],
        now,
      ),
    ).toEqual({
      state: 'syncing',
      partial: [{ resource: 'events', state: 'syncing' }],
    });
    expect(aggregateSyncStatus([], now)).toEqual({ state: 'syncing' });
  });

  it('reports the worst state with its reason, and which watches differ', () => {
    expect(
      aggregateSyncStatus(
        [
          unit('pods', 'ok', { lastSyncedAt: now }),
          unit('pods', 'forbidden', {
            namespace: 'secret',
            reason: 'forbidden in secret',
          }),
          unit('events', 'stale', { reason: 'HTTP 503' }),
        ],
        now,
      ),
    ).toEqual({
      state: 'forbidden',
      reason: 'forbidden in secret',
      partial: [
        {
          resource: 'pods',
          namespace: 'secret',
          state: 'forbidden',
          reason: 'forbidden in secret',
        },
        { resource: 'events', state: 'stale', reason: 'HTTP 503' },
      ],
    });
  });

  it('gives one reason and no partial list when every watch fails alike', () => {
    const status = aggregateSyncStatus(
      [
        unit('pods', 'unreachable', { reason: 'connect ECONNREFUSED' }),
        unit('events', 'unreachable', { reason: 'connect ECONNREFUSED' }),
      ],
      now,
    );
    expect(status).toEqual({
      state: 'unreachable',
      reason: 'connect ECONNREFUSED',
    });
  });

  it('counts further reasons of the worst state when the failure is partial', () => {
    const status = aggregateSyncStatus(
      [
        unit('pods', 'ok', { lastSyncedAt: now }),
        unit('pods', 'timeout', { namespace: 'a', reason: 'slow a' }),
        unit('pods', 'timeout', { namespace: 'b', reason: 'slow b' }),
      ],
      now,
    );
    expect(status.state).toBe('timeout');
    expect(status.reason).toBe('slow a (and 1 more)');
  });
});
