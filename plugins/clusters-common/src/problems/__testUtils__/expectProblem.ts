import { Problem, ProblemObject } from '../types';

/** Each problem as `code:severity`, in order: the one line that says what a detector found. */
export const codes = (problems: Problem[]) =>
  problems.map(p => `${p.code}:${p.severity}`);

/**
 * What a detector test asserts about one problem. The fields it names are compared exactly
 * (`since: undefined` asserts there is none); the rest are left alone.
 */
export type ExpectedProblem = Partial<
  Pick<Problem, 'code' | 'severity' | 'object' | 'since' | 'message'>
> & {
  /** Pieces the message must contain. */
  messageContains?: string[];
  /** Pieces the suggested fix must contain. */
  fixContains?: string[];
};

/** Asserts what a test expects of one detected problem. */
export function expectProblem(problem: Problem, expected: ExpectedProblem) {
  const { messageContains = [], fixContains = [], ...fields } = expected;
  const named = Object.fromEntries(
    Object.keys(fields).map(key => [key, problem[key as keyof Problem]]),
  );
  expect(named).toEqual(fields);
  for (const piece of messageContains) expect(problem.message).toContain(piece);
  for (const piece of fixContains)
    expect(problem.suggestedFix).toContain(piece);
}

/** The object a test expects a problem to name; the container only for container problems. */
export function objectRef(
  kind: string,
  namespace: string,
  name: string,
  container?: string,
): ProblemObject {
  return container
    ? { kind, namespace, name, container }
    : { kind, namespace, name };
}
