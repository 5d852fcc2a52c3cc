/**
 * An object as the task's JSON output holds it: a plain record of its JSON fields (fields left
 * undefined are dropped, as storing the output would drop them).
 */
export function asJsonRecord(object: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(object));
}
