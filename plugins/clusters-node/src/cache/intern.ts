/**
 * A copy of a string that does not point into a larger one. V8's JSON.parse returns strings that
 * are slices of the parsed text: keeping a pod's uid would keep the whole list page or watch
 * event it came from alive.
 */
export function own(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

/**
 * Shares one copy of strings that repeat across cached objects (namespaces, label values,
 * images, node names, reasons, timestamps). JSON parsing gives every object its own copies;
 * with thousands of pods that is most of the cache's memory. Bounded, so unique values cannot
 * grow it without limit.
 */
const MAX_ENTRIES = 200_000;
const table = new Map<string, string>();

export function intern(value: string): string;
export function intern(value: string | undefined): string | undefined;
export function intern(value: string | undefined): string | undefined {
  if (typeof value !== 'string') return value;
  const found = table.get(value);
  if (found !== undefined) return found;
  const copy = own(value);
  if (table.size < MAX_ENTRIES) table.set(copy, copy);
  return copy;
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

const MAX_SHAPES = 50_000;
const shapes = new Map<string, unknown>();

/**
 * One shared instance of identical plain values: the labels, owner references and container
 * specs of pods from one template are equal, so thousands of pods can point at one copy.
 * Cached objects are never mutated, which makes the sharing safe.
 */
export function shared<T>(value: T): T {
  if (value === undefined || value === null) return value;
  const key = JSON.stringify(value);
  const found = shapes.get(key);
  if (found !== undefined) return found as T;
  if (shapes.size < MAX_SHAPES) shapes.set(key, value);
  return value;
}

const detached = new WeakSet<object>();

/**
 * Replaces every string in a freshly trimmed object, in place, by an interned or owned copy, so
 * the cached object keeps nothing of the text it was parsed from. Shared shapes are walked once.
 */
export function detach<T extends object>(value: T): T {
  detachInPlace(value);
  return value;
}

function detachInPlace(value: object): void {
  if (detached.has(value)) return;
  detached.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = detachValue(value[i]);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (v !== undefined && v !== null) record[key] = detachValue(v);
  }
}

function detachValue(value: unknown): unknown {
  if (typeof value === 'string') return table.get(value) ?? own(value);
  if (value && typeof value === 'object') detachInPlace(value);
  return value;
}

/**
 * Empties the intern and shape tables; for memory measurements that must count them.
 *
 * @alpha
 */
export function clearInternTables(): void {
  table.clear();
  shapes.clear();
}
