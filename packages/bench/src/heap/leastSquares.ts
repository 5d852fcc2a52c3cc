/** The straight line y = intercept + slope·x that fits the points best (least squares). */
export interface LineFit {
  slope: number;
  intercept: number;
  /** Share of the variance of y the line explains (1: every point on the line). */
  r2: number;
  n: number;
}

export function leastSquares(points: Array<[number, number]>): LineFit {
  const n = points.length;
  const distinctX = new Set(points.map(([x]) => x)).size;
  if (distinctX < 2) throw new Error('a line needs points at two x values');
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residual = points.reduce(
    (s, [x, y]) => s + (y - (intercept + slope * x)) ** 2,
    0,
  );
  return { slope, intercept, r2: syy === 0 ? 1 : 1 - residual / syy, n };
}
