import {
  latenciesOf,
  percentile,
  screenLatencyOf,
  verdictOnP99,
} from './latency';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is undefined without samples', () => {
    expect(percentile([], 50)).toBeUndefined();
  });
});

describe('latenciesOf', () => {
  const change = (seq: number, sentAt: number, acceptedAt = sentAt + 5) => ({
    seq,
    sentAt,
    acceptedAt,
  });

  it('times each change to the first view showing it', () => {
    const result = latenciesOf(
      [change(1, 1000), change(2, 2000)],
      [
        { seq: 0, at: 900 },
        { seq: 1, at: 1300 },
        { seq: 1, at: 1900 },
        { seq: 2, at: 2105 },
      ],
    );
    expect(result).toEqual({ latencies: [295, 100], missed: [] });
  });

  it('counts a change coalesced into a later view as seen when that view arrives', () => {
    const result = latenciesOf(
      [change(1, 1000), change(2, 1100), change(3, 1200)],
      [{ seq: 3, at: 2205 }],
    );
    expect(result.latencies).toEqual([1200, 1100, 1000]);
  });

  it('ignores views older than the write and reports changes never seen', () => {
    const result = latenciesOf(
      [change(5, 1000), change(6, 2000)],
      [
        { seq: 6, at: 500 },
        { seq: 5, at: 1500 },
      ],
    );
    expect(result).toEqual({ latencies: [495], missed: [6] });
  });
});

describe('verdictOnP99', () => {
  it('says whether the target is met and by how much it is missed', () => {
    expect(verdictOnP99('SSE', 900, 1000)).toBe(
      'The SSE p99 of 900 ms meets the target of ≤ 1000 ms.',
    );
    expect(verdictOnP99('SSE', 1028, 1000)).toBe(
      'The SSE p99 of 1028 ms misses the target of ≤ 1000 ms by 28 ms.',
    );
    expect(verdictOnP99('SSE', undefined, 1000)).toContain('no p99');
  });
});

describe('screenLatencyOf', () => {
  it('times a change to the first screen update after it showing its count', () => {
    const change = { seq: 3, sentAt: 1000, acceptedAt: 1010 };
    const cells = [
      { desired: 2, at: 990 },
      { desired: 1, at: 1005 },
      { desired: 2, at: 1400 },
      { desired: 2, at: 1500 },
    ];
    expect(screenLatencyOf(change, 2, cells)).toBe(390);
    expect(screenLatencyOf(change, 3, cells)).toBeUndefined();
  });
});
