/**
 * When a stream sends its next view after cache changes. A change after a quiet spell goes out at
 * once, so a single change is not held back; the changes that follow it within `debounceMs` (a
 * rollout's follow-up writes, other workloads of the fleet) are collected and sent after
 * `debounceMs` of quiet, at the latest `maxWaitMs` after the first of them.
 */
export interface ViewPacer {
  /** Sends now (the first view of a stream) and starts the quiet spell from here. */
  sendNow(): void;
  /** A change happened in the cache. */
  changed(): void;
  stop(): void;
}

export function createViewPacer(
  send: () => void,
  options: { debounceMs: number; maxWaitMs: number },
  now: () => number = Date.now,
): ViewPacer {
  let timer: NodeJS.Timeout | undefined;
  let firstChangeAt: number | undefined;
  let lastSentAt = -Infinity;

  const sendNow = () => {
    clearTimeout(timer);
    timer = undefined;
    firstChangeAt = undefined;
    lastSentAt = now();
    send();
  };

  return {
    sendNow,
    changed() {
      const at = now();
      if (timer === undefined && at - lastSentAt >= options.debounceMs) {
        sendNow();
        return;
      }
      firstChangeAt ??= at;
      clearTimeout(timer);
      timer = setTimeout(
        sendNow,
        Math.min(
          options.debounceMs,
          Math.max(0, firstChangeAt + options.maxWaitMs - at),
        ),
      );
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
