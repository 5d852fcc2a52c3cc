import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * Asserts what every devenv action declares: its id, dry-run support, examples, and the inputs
 * it requires. Returns the input's JSON schema for the test's own checks.
 */
export function expectDeclaredAction(
  action: TemplateAction<any, any, any>,
  id: string,
  required: string[],
): any {
  expect(action.id).toBe(id);
  expect(action.supportsDryRun).toBe(true);
  expect(action.examples!.length).toBeGreaterThan(0);
  const input = action.schema!.input as any;
  expect(input.required).toEqual(expect.arrayContaining(required));
  return input;
}
