import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * What held a backend's event loop during one measured run: the event-loop delay (how late a
 * 10 ms timer fired, so a stall of any cause, our code, GC or the OS not scheduling the process)
 * and the garbage collector's pauses, which tell one cause apart.
 */
export interface StallReport {
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcPauses: number;
  gcTotalMs: number;
  gcMaxMs: number;
  /** Pauses of the major (mark-compact) collector. */
  majorGcPauses: number;
}

/** Starts watching the event loop and GC of this process; `take()` reports since the last take. */
export function startStallMonitor(): { take(): StallReport; stop(): void } {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let gc = { pauses: 0, totalMs: 0, maxMs: 0, major: 0 };
  const observer = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      gc.pauses++;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      // NODE_PERFORMANCE_GC_MAJOR = 4 (perf_hooks.constants).
      const { detail } = entry as { detail?: { kind?: number } };
      if (detail?.kind === 4) gc.major++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  return {
    take() {
      const report: StallReport = {
        loopDelayP99Ms: ms(loop.percentile(99)),
        loopDelayMaxMs: ms(loop.max),
        gcPauses: gc.pauses,
        gcTotalMs: Math.round(gc.totalMs * 10) / 10,
        gcMaxMs: Math.round(gc.maxMs * 10) / 10,
        majorGcPauses: gc.major,
      };
      loop.reset();
      gc = { pauses: 0, totalMs: 0, maxMs: 0, major: 0 };
      return report;
    },
    stop() {
      loop.disable();
      observer.disconnect();
    },
  };
}
