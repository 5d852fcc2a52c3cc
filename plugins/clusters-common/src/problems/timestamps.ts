import { memoByString } from '../memo';

/**
 * Kubernetes timestamps arrive as `Date` when @kubernetes/client-node deserialised the object, and
 * as RFC 3339 strings when the object came over JSON (the browser, the watch cache's trimmed
 * copies, test fixtures). Detectors accept both.
 *
 * @public
 */
export type KubernetesTimestamp = Date | string | null | undefined;

// Pods started together share timestamps, and every view reads those of every pod it shows.
const parseTimestamp = memoByString(Date.parse, 16_384);

/** Milliseconds since the epoch, or undefined when the timestamp is absent or unparseable. */
export function toMillis(timestamp: KubernetesTimestamp): number | undefined {
  if (timestamp === null || timestamp === undefined || timestamp === '') {
    return undefined;
  }
  const millis =
    timestamp instanceof Date ? timestamp.getTime() : parseTimestamp(timestamp);
  return Number.isNaN(millis) ? undefined : millis;
}

/** An ISO 8601 string in UTC (`toISOString` form), so problems sort and compare by text. */
export function toIso(timestamp: KubernetesTimestamp): string | undefined {
  const millis = toMillis(timestamp);
  return millis === undefined ? undefined : new Date(millis).toISOString();
}

/** Whole minutes or hours, for messages such as "restarted 3 times in the last 12 minutes". */
export function describeDuration(milliseconds: number): string {
  const minutes = Math.max(0, Math.round(milliseconds / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}
