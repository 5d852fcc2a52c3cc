const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60 * 1000,
  h: 60 * 60 * 1000,
  d: 24 * 60 * 60 * 1000,
  w: 7 * 24 * 60 * 60 * 1000,
};

const DURATION_PATTERN = /^(?:\d+[smhdw])+$/;

/**
 * Parses a duration such as `30m`, `8h`, `7d` or `1d12h` into milliseconds.
 * Returns undefined for anything else, including negative or zero durations.
 *
 * @public
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION_PATTERN.test(trimmed)) {
    return undefined;
  }
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhdw])/g)) {
    total += Number(amount) * UNIT_MS[unit];
  }
  return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}

/**
 * Milliseconds as the largest whole units, e.g. `1d12h`.
 *
 * @public
 */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000)) * 1000;
  const parts: string[] = [];
  for (const unit of ['d', 'h', 'm', 's']) {
    const size = UNIT_MS[unit];
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      parts.push(`${amount}${unit}`);
      rest -= amount * size;
    }
  }
  return parts.length ? parts.join('') : '0s';
}
