import type { ServerResponse } from 'node:http';

/**
 * Sends what a stream wrote so far. A compression middleware in front of the backend buffers the
 * body and adds `flush()` to the response for streams; without one, writes go out at once.
 */
export function flushCompressed(
  res: ServerResponse & { flush?: () => void },
): void {
  res.flush?.();
}
