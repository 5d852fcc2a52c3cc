import type {
  ClusterSyncState,
  SyncStatus,
} from '@kubeplatform/clusters-common';
import type { WatchUnitState } from './WatchUnit';

/** Worst first: the cluster-level state is the worst state of its watches. */
const STATE_SEVERITY: ClusterSyncState[] = [
  'unauthorized',
  'unreachable',
  'timeout',
  'forbidden',
  'stale',
  'syncing',
  'ok',
];

/**
 * One cluster's sync status from the states of its watches: the worst state, its reason, the age
 * of the oldest data, and which watches differ when they do not all fail alike.
 */
export function aggregateSyncStatus(
  states: WatchUnitState[],
  now: number,
): SyncStatus {
  const worst =
    STATE_SEVERITY.find(s => states.some(u => u.state === s)) ?? 'syncing';
  const notOk = states.filter(u => u.state !== 'ok');
  const synced = states
    .map(u => u.lastSyncedAt)
    .filter((t): t is number => t !== undefined);
  const oldest =
    synced.length === states.length && synced.length
      ? Math.min(...synced)
      : undefined;
  const uniform =
    notOk.length === states.length && notOk.every(u => u.state === worst);
  const reasons = [
    ...new Set(
      notOk
        .filter(u => u.state === worst)
        .map(u => u.reason)
        .filter(Boolean),
    ),
  ];
  const status: SyncStatus = { state: worst };
  if (worst !== 'ok' && reasons.length) {
    status.reason = uniform
      ? reasons[0]
      : `${reasons[0]}${
          reasons.length > 1 ? ` (and ${reasons.length - 1} more)` : ''
        }`;
  }
  if (oldest !== undefined) {
    status.lastSyncedAt = new Date(oldest).toISOString();
    status.ageSeconds = Math.max(0, Math.round((now - oldest) / 1000));
  }
  if (notOk.length && !uniform) {
    status.partial = notOk.map(u => ({
      resource: u.resource,
      ...(u.namespace && { namespace: u.namespace }),
      state: u.state,
      ...(u.reason && { reason: u.reason }),
    }));
  }
  return status;
}
