import { Response } from 'express';

/**
 * Sends the headers of a 200 that is streamed as it is written: no cache, no proxy transform,
 * no buffering in nginx (`X-Accel-Buffering`), plus the stream's own headers.
 */
export function startUnbufferedStream(
  res: Response,
  headers: Record<string, string>,
) {
  res.status(200);
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('X-Accel-Buffering', 'no');
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value);
  }
  res.flushHeaders();
}
