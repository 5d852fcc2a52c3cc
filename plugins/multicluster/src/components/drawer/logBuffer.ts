/** Followed logs keep at most this many characters, dropping whole lines from the start. */
export const LOG_BUFFER_LIMIT = 2_000_000;

export function appendCapped(
  current: string,
  chunk: string,
  limit: number,
): string {
  const next = current + chunk;
  if (next.length <= limit) return next;
  const cut = next.indexOf('\n', next.length - limit);
  return cut === -1 ? next.slice(next.length - limit) : next.slice(cut + 1);
}
