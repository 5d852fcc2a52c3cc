import type { CachedObject } from './resources';

/** @public */
export interface EventBounds {
  /** Most events (Normal and Warning) kept per cluster. */
  maxEvents: number;
  /** Older events are dropped. */
  maxAgeMs: number;
  /**
   * Most events kept about one object (a pod, ReplicaSet, workload or autoscaler), so that one
   * noisy object cannot push every other object's events out. Default 20.
   */
  maxEventsPerObject?: number;
}

export const DEFAULT_MAX_EVENTS_PER_OBJECT = 20;

/** When an event last happened, in epoch ms; 0 when it carries no time. */
export function eventTime(event: CachedObject): number {
  const t =
    ('involvedObject' in event
      ? event.lastTimestamp ?? event.firstTimestamp
      : undefined) ?? event.metadata?.creationTimestamp;
  return t ? Date.parse(t) : 0;
}

/** The object an event is about, as one key. */
export function involvedObjectKey(event: CachedObject): string {
  if (!('involvedObject' in event)) return '';
  const io = event.involvedObject;
  return `${io?.kind ?? ''}/${io?.namespace ?? ''}/${io?.name ?? ''}`;
}

/**
 * Of a listed page of events, the newest that are not older than `minTime`: at most
 * `perObject` about one object and at most `max` in all.
 */
export function newestEvents(
  events: CachedObject[],
  max: number,
  minTime: number,
  perObject = DEFAULT_MAX_EVENTS_PER_OBJECT,
): CachedObject[] {
  const perKey = new Map<string, number>();
  const kept: CachedObject[] = [];
  const newestFirst = events
    .filter(e => eventTime(e) >= minTime)
    .sort((a, b) => eventTime(b) - eventTime(a));
  for (const event of newestFirst) {
    if (kept.length >= max) break;
    const key = involvedObjectKey(event);
    const n = perKey.get(key) ?? 0;
    if (n >= perObject) continue;
    perKey.set(key, n + 1);
    kept.push(event);
  }
  return kept;
}

/**
 * The events to evict after `arrived` came in: the oldest about the same object beyond
 * `perObject`, then the oldest beyond `max` in all.
 */
export function eventsOverBound(
  events: CachedObject[],
  max: number,
  perObject = DEFAULT_MAX_EVENTS_PER_OBJECT,
  arrived?: CachedObject,
): CachedObject[] {
  const evict = new Set<CachedObject>();
  if (arrived) {
    const key = involvedObjectKey(arrived);
    const same = events.filter(e => involvedObjectKey(e) === key);
    if (same.length > perObject) {
      same
        .sort((a, b) => eventTime(a) - eventTime(b))
        .slice(0, same.length - perObject)
        .forEach(e => evict.add(e));
    }
  }
  const rest = events.filter(e => !evict.has(e));
  if (rest.length > max) {
    rest
      .sort((a, b) => eventTime(a) - eventTime(b))
      .slice(0, rest.length - max)
      .forEach(e => evict.add(e));
  }
  return [...evict];
}

/** Events older than `minTime`: to evict in the periodic sweep. */
export function expiredEvents(
  events: CachedObject[],
  minTime: number,
): CachedObject[] {
  return events.filter(e => eventTime(e) < minTime);
}
