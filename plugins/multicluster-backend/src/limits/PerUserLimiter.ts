import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Response } from 'express';

/**
 * Counts the open streams of each caller and refuses one more beyond `max`, so one user (or a
 * script with one user's token) cannot hold every socket, timer and subscription of the backend.
 */
export class PerUserLimiter {
  private readonly open = new Map<string, number>();

  constructor(
    /** What is limited, for the 429 message: "log follows", "live view streams". */
    private readonly what: string,
    private readonly max: number,
    private readonly retryAfterSeconds: number,
  ) {}

  /**
   * Takes a slot for the caller. Returns the function that gives it back (call it once the
   * stream ends), or undefined after answering 429 with Retry-After.
   */
  acquire(
    credentials: BackstageCredentials,
    res: Response,
  ): (() => void) | undefined {
    const key = callerKey(credentials);
    const count = this.open.get(key) ?? 0;
    if (count >= this.max) {
      res
        .status(429)
        .setHeader('Retry-After', String(this.retryAfterSeconds))
        .json({
          error: {
            name: 'TooManyRequestsError',
            message: `You already have ${count} open ${this.what}, the most allowed; close one or retry in ${this.retryAfterSeconds} s`,
          },
          response: { statusCode: 429 },
        });
      return undefined;
    }
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }

  openFor(credentials: BackstageCredentials): number {
    return this.open.get(callerKey(credentials)) ?? 0;
  }
}

/** One bucket per user entity, per service subject; unauthenticated callers share one. */
export function callerKey(credentials: BackstageCredentials): string {
  const principal: unknown = credentials.principal;
  if (typeof principal !== 'object' || principal === null) return 'none';
  if (
    'userEntityRef' in principal &&
    typeof principal.userEntityRef === 'string'
  ) {
    return `user:${principal.userEntityRef}`;
  }
  if ('subject' in principal && typeof principal.subject === 'string') {
    return `service:${principal.subject}`;
  }
  return 'none';
}
