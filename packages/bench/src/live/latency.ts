/** Nearest-rank percentile (p in 0..100) of a sample, or undefined for an empty one. */
export function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** One write the bench made: its sequence number and when the API server answered it. */
export interface Change {
  seq: number;
  /** Date.now() when the PATCH was sent. */
  sentAt: number;
  /** Date.now() when the API server's response to the PATCH arrived. */
  acceptedAt: number;
}

/** One view a client received: the newest change it shows, and when it arrived. */
export interface SeenView {
  seq: number;
  at: number;
}

/**
 * For each change, the time from its accepted write to the first view that shows it or a later
 * change (a viewer has then seen it, even when the stream coalesced it with the next one).
 * A change no view ever reached is `missed`.
 */
export function latenciesOf(
  changes: Change[],
  views: SeenView[],
): { latencies: number[]; missed: number[] } {
  const latencies: number[] = [];
  const missed: number[] = [];
  for (const change of changes) {
    const first = views.find(v => v.seq >= change.seq && v.at >= change.sentAt);
    if (first) latencies.push(first.at - change.acceptedAt);
    else missed.push(change.seq);
  }
  return { latencies, missed };
}

/** One sentence comparing a measured p99 with its target, saying by how much it missed. */
export function verdictOnP99(
  what: string,
  p99: number | undefined,
  targetMs: number,
): string {
  if (p99 === undefined)
    return `No ${what} sample arrived, so there is no p99.`;
  if (p99 <= targetMs)
    return `The ${what} p99 of ${p99} ms meets the target of ≤ ${targetMs} ms.`;
  return `The ${what} p99 of ${p99} ms misses the target of ≤ ${targetMs} ms by ${
    p99 - targetMs
  } ms.`;
}

/**
 * Time from a change's accepted write to the first screen update after its write that shows the
 * replica count it set, or undefined when none did. Changes alternate the count and are made one
 * at a time, so that update is this change's.
 */
export function screenLatencyOf(
  change: Change,
  desired: number,
  cells: Array<{ desired: number; at: number }>,
): number | undefined {
  const first = cells.find(c => c.at >= change.sentAt && c.desired === desired);
  return first && first.at - change.acceptedAt;
}
