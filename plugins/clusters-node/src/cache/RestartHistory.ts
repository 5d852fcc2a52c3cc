import {
  PodRestartSample,
  samplePodRestarts,
  totalRestarts,
  TrimmedPod,
} from '@kubeplatform/clusters-common';

const HOUR_MS = 3_600_000;

interface Entry {
  at: number;
  total: number;
  sample: PodRestartSample;
}

/**
 * Restart counts of each pod as the watch saw them change over the last hour, so a view can say
 * how often a pod restarted lately (see `baseline`). Pods that never restarted need no history.
 */
export class RestartHistory {
  private readonly byUid = new Map<string, Entry[]>();

  constructor(private readonly clock: () => number = Date.now) {}

  observe(change: 'add' | 'update' | 'delete', pod: TrimmedPod): void {
    const uid = pod.metadata?.uid;
    if (!uid) return;
    if (change === 'delete') {
      this.byUid.delete(uid);
      return;
    }
    const now = this.clock();
    const total = totalRestarts(pod);
    const entries = this.byUid.get(uid);
    if (!entries) {
      // A pod first seen with restarts gets its counts at first sight as the baseline. One that
      // restarts while watched started from zero.
      if (total > 0) {
        const current = entry(pod, now);
        this.byUid.set(
          uid,
          change === 'add' ? [current] : [zeroEntry(current), current],
        );
      }
      return;
    }
    if (entries[entries.length - 1].total === total) return;
    entries.push(entry(pod, now));
    // Keep one entry at or before an hour ago as the baseline, drop anything older.
    const hourAgo = now - HOUR_MS;
    while (entries.length > 1 && entries[1].at <= hourAgo) entries.shift();
  }

  /**
   * The pod's restart counts at the start of the last hour: the latest sample at or before an
   * hour ago, else the earliest one. Undefined for a pod never seen restarted.
   */
  baseline(pod: TrimmedPod, now = this.clock()): PodRestartSample | undefined {
    const entries = this.byUid.get(pod.metadata?.uid ?? '');
    if (!entries?.length) return undefined;
    const hourAgo = now - HOUR_MS;
    let baseline = entries[0];
    for (const e of entries) {
      if (e.at <= hourAgo) baseline = e;
    }
    return baseline.sample;
  }
}

function entry(pod: TrimmedPod, at: number): Entry {
  return {
    at,
    total: totalRestarts(pod),
    sample: samplePodRestarts(pod, new Date(at)),
  };
}

function zeroEntry(current: Entry): Entry {
  const restartCounts: Record<string, number> = {};
  for (const name of Object.keys(current.sample.restartCounts))
    restartCounts[name] = 0;
  return {
    at: current.at,
    total: 0,
    sample: { ...current.sample, restartCounts },
  };
}
