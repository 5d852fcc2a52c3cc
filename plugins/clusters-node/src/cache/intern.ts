/**
 * Shares one copy of strings that repeat across cached objects (namespaces, label values,
 * images, node names, reasons, timestamps). JSON parsing gives every object its own copies;
 * with thousands of pods that is most of the cache's memory. Bounded, so unique values cannot
 * grow it without limit.
 */
const MAX_ENTRIES = 200_000;
const table = new Map<string, string>();

export function intern<T>(value: T): T {
  if (typeof value !== 'string') return value;
  const found = table.get(value);
  if (found !== undefined) return found as unknown as T;
  if (table.size < MAX_ENTRIES) table.set(value, value);
  return value;
}

/** A string map (labels, resource quantities) with interned values. */
export function internValues(
  map: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!map) return map;
  const out: Record<string, string> = {};
  for (const key of Object.keys(map)) out[key] = intern(map[key]);
  return out;
}
