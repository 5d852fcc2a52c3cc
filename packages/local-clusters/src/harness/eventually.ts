import { LocalCluster } from './localFleet';

/** How long {@link eventually} polls, and how often. */
export interface EventuallyOptions {
  /** Default 120 s. */
  timeoutMs?: number;
  /** Default 2 s. */
  intervalMs?: number;
}

/**
 * Polls `check` until it gives a value. A failing request is retried only while the cluster
 * answers: a dead apiserver fails the test at once, naming the cluster. When time runs out the
 * error names the cluster, `what` was awaited, and the last failure.
 */
export async function eventually<T>(
  cluster: LocalCluster,
  what: string,
  check: () => Promise<T | undefined>,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 120_000, intervalMs = 2000 } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      await cluster.assertAnswering();
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${cluster.name}: ${what} not seen within ${timeoutMs / 1000} s ${
          last ?? ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}
