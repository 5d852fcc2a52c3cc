import { PageView } from './pageViews';

/** One run of one level: every page view, failed ones included. */
export interface LoadRun {
  latenciesMs: number[];
  failures: string[];
  wallMs: number;
}

/** Runs `viewers` concurrent viewers, each loading `viewsPerViewer` pages one after the other. */
export async function runLoad(
  viewers: number,
  viewsPerViewer: number,
  view: (viewer: number, i: number) => Promise<PageView>,
): Promise<LoadRun> {
  const latenciesMs: number[] = [];
  const failures: string[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: viewers }, async (_, viewer) => {
      for (let i = 0; i < viewsPerViewer; i++) {
        const result = await view(viewer, i);
        latenciesMs.push(result.ms);
        if (result.failure) failures.push(result.failure);
      }
    }),
  );
  return { latenciesMs, failures, wallMs: performance.now() - started };
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}

/** The middle value, or the mean of the two middle values. */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
