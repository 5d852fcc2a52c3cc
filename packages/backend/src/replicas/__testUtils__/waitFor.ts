/**
 * Polls `probe` until it returns a value other than undefined, or throws once `timeoutMs` has
 * passed, with `what` and the last value or error seen. Every wait of the replica test is one.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const reason = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${what}${reason}`,
      );
    }
    await new Promise(r => setTimeout(r, options.intervalMs ?? 250));
  }
}
