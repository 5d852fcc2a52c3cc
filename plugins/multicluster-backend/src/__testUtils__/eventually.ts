/**
 * Reads until `ok` holds or `timeoutMs` has passed, and returns the last read: the cache-backed
 * API reaches a cluster's state asynchronously, and the caller's assertions say what was expected.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, intervalMs));
    last = await read();
  }
  return last;
}
