import { TrimmedEvent } from '@kubeplatform/clusters-common';
import {
  eventsOverBound,
  eventTime,
  expiredEvents,
  newestEvents,
} from './eventRetention';

const event = (
  name: string,
  lastTimestamp?: string,
  pod = 'p',
  type = 'Warning',
): TrimmedEvent => ({
  metadata: { name, creationTimestamp: '2026-11-22T10:00:00Z' },
  involvedObject: { kind: 'Pod', name: pod, namespace: 'shop' },
  type,
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

  it('keeps Normal events too, at most perObject about one object', () => {
    const noisy = [1, 2, 3, 4].map(i =>
      event(`n${i}`, `2026-11-22T15:0${i}:00Z`, 'noisy', 'Normal'),
    );
    const quiet = event('q', '2026-11-22T14:00:00Z', 'quiet', 'Normal');
    expect(
      newestEvents([...noisy, quiet], 10, 0, 2).map(e => e.metadata?.name),
    ).toEqual(['n4', 'n3', 'q']);
  });

  it('evicts the oldest about the object of an arrived event beyond perObject', () => {
    const noisy = [1, 2, 3].map(i =>
      event(`n${i}`, `2026-11-22T15:0${i}:00Z`, 'noisy', 'Normal'),
    );
    const quiet = event('q', '2026-11-22T14:00:00Z', 'quiet');
    expect(eventsOverBound([quiet, ...noisy], 10, 2, noisy[2])).toEqual([
      noisy[0],
    ]);
    // The total bound still applies after the per-object one.
    expect(eventsOverBound([quiet, ...noisy], 1, 2, noisy[2])).toEqual([
      noisy[0],
      quiet,
      noisy[1],
    ]);
  });
});
