/** Median, p90 (nearest rank), min and max of a sample, in its unit, to 0.1. */
export interface Spread {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Spread {
  if (values.length === 0) throw new Error('no samples to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1];
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    n: sorted.length,
    median: round(median),
    p90: round(p90),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}
