/** Exponential backoff with full jitter, so many watches do not reconnect in lockstep. */
export function jitteredBackoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
