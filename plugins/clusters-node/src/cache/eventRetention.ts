import type { CachedObject } from './resources';

/** @public */
export interface EventBounds {
  /** Most Warning events kept per cluster. */
  maxEvents: number;
  /** Older Warning events are dropped. */
  maxAgeMs: number;
}

/** When an event last happened, in epoch ms; 0 when it carries no time. */
export function eventTime(event: CachedObject): number {
  const t =
    ('involvedObject' in event
      ? event.lastTimestamp ?? event.firstTimestamp
      : undefined) ?? event.metadata?.creationTimestamp;
  return t ? Date.parse(t) : 0;
}

/** Of a listed page of events, the newest `max` that are not older than `minTime`. */
export function newestEvents(
  events: CachedObject[],
  max: number,
  minTime: number,
): CachedObject[] {
  return events
    .filter(e => eventTime(e) >= minTime)
    .sort((a, b) => eventTime(b) - eventTime(a))
    .slice(0, max);
}

/** The oldest events beyond the `max` newest: to evict after an event arrived. */
export function eventsOverBound(
  events: CachedObject[],
  max: number,
): CachedObject[] {
  if (events.length <= max) return [];
  const sorted = [...events].sort((a, b) => eventTime(a) - eventTime(b));
  return sorted.slice(0, events.length - max);
}

/** Events older than `minTime`: to evict in the periodic sweep. */
export function expiredEvents(
  events: CachedObject[],
  minTime: number,
): CachedObject[] {
  return events.filter(e => eventTime(e) < minTime);
}
