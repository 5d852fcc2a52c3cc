/**
 * A name no earlier run used, so tests never collide with leftovers.
 *
 * @public
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(
    Math.random() * 1e4,
  ).toString(36)}`;
}
