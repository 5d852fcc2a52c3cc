import { leastSquares } from './leastSquares';

describe('leastSquares', () => {
  it('finds the line through points on it', () => {
    const fit = leastSquares([
      [1000, 5_000_000 + 900_000],
      [2500, 5_000_000 + 2_250_000],
      [5000, 5_000_000 + 4_500_000],
    ]);
    expect(fit.slope).toBeCloseTo(900, 6);
    expect(fit.intercept).toBeCloseTo(5_000_000, 3);
    expect(fit.r2).toBeCloseTo(1, 9);
  });

  it('fits noisy repeats between them', () => {
    const fit = leastSquares([
      [0, 1],
      [0, 3],
      [10, 21],
      [10, 23],
    ]);
    expect(fit.slope).toBeCloseTo(2, 9);
    expect(fit.intercept).toBeCloseTo(2, 9);
    expect(fit.r2).toBeLessThan(1);
  });

  it('refuses points that all share one x', () => {
    expect(() =>
      leastSquares([
        [5, 1],
        [5, 2],
      ]),
    ).toThrow(/two x values/);
  });
});
