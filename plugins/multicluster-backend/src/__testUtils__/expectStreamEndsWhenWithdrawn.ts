/**
 * Reads a live view stream while access is withdrawn: after `settleMs` it must have sent a view;
 * then `withdraw` is called, and the stream must end within `withinMs` (waiting at most
 * `timeoutMs`) with an error event saying access was withdrawn.
 */
export async function expectStreamEndsWhenWithdrawn(
  res: Response,
  options: {
    settleMs: number;
    withdraw: () => void;
    timeoutMs: number;
    withinMs: number;
  },
): Promise<void> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return Date.now();
      text += decoder.decode(value, { stream: true });
    }
  })().catch(() => undefined);
  await new Promise(r => setTimeout(r, options.settleMs));
  expect(text).toContain('event: view');
  const withdrawnAt = Date.now();
  options.withdraw();
  const endedAt = await Promise.race([
    ended,
    new Promise<undefined>(r =>
      setTimeout(() => r(undefined), options.timeoutMs),
    ),
  ]);
  expect(endedAt).toBeDefined();
  expect(endedAt! - withdrawnAt).toBeLessThan(options.withinMs);
  expect(text).toMatch(
    /event: error\ndata: .*access to this entity was withdrawn/,
  );
}
