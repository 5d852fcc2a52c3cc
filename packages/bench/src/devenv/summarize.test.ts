import { summarize } from './summarize';

describe('summarize', () => {
  it('gives the median, the nearest-rank p90, min and max', () => {
    expect(summarize([5, 1, 9, 3, 7, 2, 8, 4, 6])).toEqual({
      n: 9,
      median: 5,
      p90: 9,
      min: 1,
      max: 9,
    });
    expect(summarize([4, 1, 3, 2, 10, 6, 5, 7, 9, 8, 11]).p90).toBe(10);
    expect(summarize([1, 2]).median).toBe(1.5);
  });

  it('refuses an empty sample', () => {
    expect(() => summarize([])).toThrow('no samples');
  });
});
