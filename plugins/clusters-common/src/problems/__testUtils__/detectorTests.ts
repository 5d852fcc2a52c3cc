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

/** A DetectorCase with its detector bound to its arguments. */
export interface DetectorTest {
  title: string;
  detect: () => Problem[];
  codes: string[];
  expected: ExpectedProblem[];
}

/** The cases of one detector, for `it.each(detectorTests(...))('$title', ...)` with expectDetected. */
export function detectorTests<Args extends unknown[]>(
  detect: (...args: Args) => Problem[],
  cases: DetectorCase<Args>[],
): DetectorTest[] {
  return cases.map(({ title, args, codes: found, expected = [] }) => ({
    title,
    detect: () => detect(...args),
    codes: found,
    expected,
  }));
}

/** Asserts that the detector finds exactly the test's codes, and what it expects of the first problems. */
export function expectDetected(test: DetectorTest) {
  const problems = test.detect();
  expect(codes(problems)).toEqual(test.codes);
  test.expected.forEach((details, i) => expectProblem(problems[i], details));
}
