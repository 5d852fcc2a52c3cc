import { TrimmedEvent } from '@kubeplatform/clusters-common';
import {
  eventsOverBound,
  eventTime,
  expiredEvents,
  newestEvents,
} from './eventRetention';

const event = (name: string, lastTimestamp?: string): TrimmedEvent => ({
  metadata: { name, creationTimestamp: '2026-11-22T10:00:00Z' },
  involvedObject: { kind: 'Pod', name: 'p', namespace: 'shop' },
  type: 'Warning',
  lastTimestamp,
});

const e1 = event('e1', '2026-11-22T15:00:00Z');
const e2 = event('e2', '2026-11-22T15:10:00Z');
const e3 = event('e3', '2026-11-22T15:20:00Z');
const untimed = event('untimed');

describe('event retention', () => {
  it('reads the last time, falling back to the creation time', () => {
    expect(eventTime(e1)).toBe(Date.parse('2026-11-22T15:00:00Z'));
    expect(eventTime(untimed)).toBe(Date.parse('2026-11-22T10:00:00Z'));
  });

  it('keeps the newest events of a list within the age bound', () => {
    const minTime = Date.parse('2026-11-22T15:05:00Z');
    expect(newestEvents([e1, e3, e2, untimed], 5, minTime)).toEqual([e3, e2]);
    expect(newestEvents([e1, e3, e2], 1, 0)).toEqual([e3]);
  });

  it('evicts the oldest beyond the bound, and the expired', () => {
    expect(eventsOverBound([e3, e1, e2], 2)).toEqual([e1]);
    expect(eventsOverBound([e3, e1], 2)).toEqual([]);
    expect(
      expiredEvents([e1, e2, e3], Date.parse('2026-11-22T15:10:00Z')),
    ).toEqual([e1]);
  });
});
