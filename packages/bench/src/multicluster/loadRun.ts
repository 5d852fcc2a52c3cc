/** Runs `viewers` concurrent viewers, each loading `viewsPerViewer` pages one after the other. */
export async function runLoad(
  viewers: number,
  viewsPerViewer: number,
  pageView: (viewer: number, i: number) => Promise<void>,
): Promise<{ latenciesMs: number[]; failures: number; wallMs: number }> {
  const latenciesMs: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: viewers }, async (_, viewer) => {
      for (let i = 0; i < viewsPerViewer; i++) {
        const t0 = performance.now();
        try {
          await pageView(viewer, i);
          latenciesMs.push(performance.now() - t0);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  return { latenciesMs, failures, wallMs: performance.now() - started };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}
