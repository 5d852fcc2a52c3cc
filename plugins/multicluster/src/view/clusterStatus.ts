import {
  ClusterSyncState,
  ClusterView,
  HealthState,
  SyncStatus,
} from '@kubeplatform/clusters-common';

/** Sync states in which the backend has no data for the cluster at all. */
const noDataStates: ReadonlySet<ClusterSyncState> = new Set([
  'unreachable',
  'timeout',
  'unauthorized',
  'forbidden',
]);

/** True when the cluster's rows show data: live, stale (with age) or partial. */
export function hasData(sync: SyncStatus): boolean {
  if (noDataStates.has(sync.state)) return false;
  return sync.state !== 'syncing';
}

/**
 * True when the row has workloads to show: live, stale or partial data, or data kept from before
 * the cluster failed (unreachable, refused, ...). Kept data is shown dimmed, under the failure.
 */
export function showsData(cluster: ClusterView): boolean {
  if (cluster.workloads.length === 0) return false;
  return hasData(cluster.sync) || Boolean(cluster.sync.lastSyncedAt);
}

export type Tone = 'error' | 'warning' | 'info' | 'neutral' | 'ok';

/** What a badge says about a cluster: its health, or why its health is not known. */
export interface StatusLabel {
  label: string;
  tone: Tone;
  /** Longer explanation for a tooltip and for screen readers. */
  detail?: string;
}

const healthLabels: Record<HealthState, StatusLabel> = {
  healthy: { label: 'Healthy', tone: 'ok' },
  warning: { label: 'Warning', tone: 'warning' },
  error: { label: 'Error', tone: 'error' },
  unknown: { label: 'Unknown', tone: 'neutral' },
};

export function healthLabel(health: HealthState): StatusLabel {
  return healthLabels[health] ?? healthLabels.unknown;
}

/** "45 s", "12 min", "3 h", "2 d": a compact age. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/** Seconds since the cluster's data was current, from ageSeconds or lastSyncedAt. */
export function syncAgeSeconds(
  sync: SyncStatus,
  now: number = Date.now(),
): number | undefined {
  if (sync.ageSeconds !== undefined) return sync.ageSeconds;
  if (!sync.lastSyncedAt) return undefined;
  const at = Date.parse(sync.lastSyncedAt);
  return Number.isNaN(at) ? undefined : Math.max(0, (now - at) / 1000);
}

const failureTexts: Record<
  'unreachable' | 'timeout' | 'unauthorized' | 'forbidden',
  [string, string]
> = {
  unreachable: ['Unreachable', 'The API server cannot be reached'],
  timeout: ['Timed out', 'The API server did not answer in time'],
  unauthorized: ['Unauthorized', 'The cluster refused the credentials (401)'],
  forbidden: [
    'Forbidden',
    'The credentials lack the rights to read this (403)',
  ],
};

/** The label for a sync state that is not `ok`. */
export function syncLabel(sync: SyncStatus): StatusLabel | undefined {
  const reason = sync.reason;
  switch (sync.state) {
    case 'ok':
      if (sync.partial?.length) {
        const parts = sync.partial
          .map(
            p =>
              `${p.resource}${p.namespace ? ` in ${p.namespace}` : ''}: ${
                p.state
              }`,
          )
          .join('; ');
        return {
          label: 'Partial',
          tone: 'warning',
          detail: `Some data is missing (${parts})`,
        };
      }
      return undefined;
    case 'syncing':
      return {
        label: 'Syncing',
        tone: 'info',
        detail: reason ?? 'The first list has not finished yet',
      };
    case 'stale': {
      const age = syncAgeSeconds(sync);
      return {
        label: age === undefined ? 'Stale' : `Stale · ${formatAge(age)}`,
        tone: 'warning',
        detail: `Showing the last known data${
          age === undefined ? '' : ` from ${formatAge(age)} ago`
        }${reason ? `: ${reason}` : ''}`,
      };
    }
    case 'unreachable':
    case 'timeout':
    case 'unauthorized':
    case 'forbidden': {
      const [label, fallback] = failureTexts[sync.state];
      const age = syncAgeSeconds(sync);
      return {
        label,
        tone: 'error',
        detail: `${reason ?? fallback}${
          age === undefined ? '' : `. Last synced ${formatAge(age)} ago`
        }`,
      };
    }
    default:
      return { label: String(sync.state), tone: 'neutral', detail: reason };
  }
}

/**
 * The one badge a cluster row shows. A cluster without data shows its sync state, never a
 * health; a cluster with no matching workloads shows "Not deployed", never "Healthy".
 */
export function clusterBadge(cluster: ClusterView): StatusLabel {
  const sync = syncLabel(cluster.sync);
  if (!hasData(cluster.sync) && sync) return sync;
  if (cluster.workloads.length === 0) {
    return (
      sync ?? {
        label: 'Not deployed',
        tone: 'neutral',
        detail: 'No workload of this entity runs here',
      }
    );
  }
  return healthLabel(cluster.health);
}

const healthRank: Record<HealthState, number> = {
  error: 0,
  warning: 2,
  unknown: 5,
  healthy: 6,
};

const syncRank: Record<ClusterSyncState, number> = {
  unreachable: 1,
  timeout: 1,
  unauthorized: 1,
  forbidden: 1,
  stale: 3,
  syncing: 4,
  ok: 6,
};

/** Lower is worse. Errors first, then clusters without data, then warnings, then the rest. */
export function clusterRank(cluster: ClusterView): number {
  const byHealth =
    hasData(cluster.sync) && cluster.workloads.length > 0
      ? healthRank[cluster.health] ?? 5
      : 5;
  const partial =
    cluster.sync.state === 'ok' && cluster.sync.partial?.length ? 2 : 6;
  return Math.min(byHealth, syncRank[cluster.sync.state] ?? 5, partial);
}

export function compareClusters(a: ClusterView, b: ClusterView): number {
  return (
    clusterRank(a) - clusterRank(b) ||
    b.problems.length - a.problems.length ||
    a.cluster.name.localeCompare(b.cluster.name)
  );
}

export function healthRankOf(health: HealthState): number {
  return healthRank[health] ?? 5;
}
