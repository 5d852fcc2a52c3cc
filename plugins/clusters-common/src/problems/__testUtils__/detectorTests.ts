import { Problem } from '../types';
import { codes, ExpectedProblem, expectProblem } from './expectProblem';

/** One detector test as data: the detector's arguments and what it must find. */
export interface DetectorCase<Args extends unknown[]> {
  title: string;
  args: Args;
  /** Every problem found, as `code:severity`, in order. */
  codes: string[];
  /** What the test expects of the first problems, in the same order. */
  expected?: ExpectedProblem[];
}

/**
 * Declares one test per case, titled by the case's title, asserting that the detector finds
 * exactly the case's codes and what the case expects of the first problems.
 */
export function itDetects<Args extends unknown[]>(
  detect: (...args: Args) => Problem[],
  cases: DetectorCase<Args>[],
) {
  it.each(cases)('$title', ({ args, codes: found, expected = [] }) => {
    const problems = detect(...args);
    expect(codes(problems)).toEqual(found);
    expected.forEach((details, i) => expectProblem(problems[i], details));
  });
}
