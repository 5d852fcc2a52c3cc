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
/**
 * Shared values by the hash of their content (see `contentHash`). A number keys the table, not
 * the value's JSON: a key string as long as the value itself would cost more than the sharing
 * saves. Values with the same hash are compared in full before one is handed out.
 */
const shapes = new Map<number, unknown>();

/**
 * One shared instance of identical plain values: the labels, owner references and container
 * specs of pods from one template are equal, so thousands of pods can point at one copy.
 * What it returns is detached and deeply frozen: nobody can change a value other objects share.
 */
export function shared<T>(value: T): T {
  if (value === undefined || value === null) return value;
  const key = contentHash(value);
  const found = shapes.get(key);
  if (found !== undefined && sameContent(found, value)) return found as T;
  const record = sealShared(value);
  // A different value with the same hash keeps its place: this one is simply not shared.
  if (found === undefined && shapes.size < MAX_SHAPES) shapes.set(key, record);
  return record;
}

/**
 * A bounded table of recently seen records, for hash-consing values whose sharing is local in
 * time: the conditions and container statuses of pods that started in the same second (one
 * rollout, one list page). Two generations of at most `generationSize` entries each: when the
 * current one is full it becomes the previous one and the oldest is dropped, so the table never
 * holds more than 2 × generationSize records however many objects pass through it, and a record
 * seen again while still in either generation is shared. Dropping a generation only stops
 * future sharing with its records; objects already pointing at them keep them. Records are
 * found by the hash of their content and compared in full, as in `shared`.
 */
export class RecentRecords {
  private current = new Map<number, unknown>();
  private previous = new Map<number, unknown>();

  constructor(private readonly generationSize: number) {}

  /** The shared, detached and frozen instance of a plain value equal to `value`. */
  share<T>(value: T): T {
    if (value === undefined || value === null) return value;
    const key = contentHash(value);
    const found = this.current.get(key);
    if (found !== undefined && sameContent(found, value)) return found as T;
    const earlier = this.previous.get(key);
    const record =
      earlier !== undefined && sameContent(earlier, value)
        ? (earlier as T)
        : sealShared(value);
    if (this.current.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, record);
    return record;
  }

  /** Records held (both generations); never more than 2 × generationSize. */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}

/** Entries per generation of the record table; 2 × this bounds what it holds. */
export const RECENT_RECORDS_PER_GENERATION = 2048;

const records = new RecentRecords(RECENT_RECORDS_PER_GENERATION);

/**
 * One shared instance of a small record (a condition, a container status, a container state,
 * or an array of them) equal to ones seen recently. Identical records repeat across the pods of
 * one rollout; unlike `shared`, the table only remembers recent ones, so records that never
 * repeat (a timestamp of their own) cost no table space beyond its fixed bound.
 */
export function shareRecent<T>(value: T): T {
  return records.share(value);
}

/** How many records the module's recent-record table holds now (for tests and diagnostics). */
export function recentRecordsHeld(): number {
  return records.size;
}

/**
 * A 30-bit hash of a plain value's content (a small integer, so the tables' keys take no memory
 * of their own): strings, numbers, booleans and null by value, arrays by their elements in
 * order, objects by their keys in order and the values of those, leaving out keys whose value
 * is undefined (as JSON does). Values with equal content have equal hashes.
 */
export function contentHash(value: unknown, seed = 0x811c9dc5): number {
  return hashInto(seed, value) & 0x3fffffff;
}

function mix(h: number, n: number): number {
  return Math.imul(h ^ n, 0x01000193);
}

function hashString(h: number, s: string): number {
  let x = mix(h, s.length);
  for (let i = 0; i < s.length; i++) x = mix(x, s.charCodeAt(i));
  return x;
}

function hashInto(h: number, value: unknown): number {
  switch (typeof value) {
    case 'string':
      return hashString(mix(h, 1), value);
    case 'number':
      // Integers (counts, exit codes, ports) without making a string; equal hashes of
      // different numbers only cost a comparison.
      return Number.isInteger(value)
        ? mix(mix(h, 2), value | 0)
        : hashString(mix(h, 12), String(value));
    case 'boolean':
      return mix(h, value ? 3 : 4);
    case 'undefined':
      return mix(h, 5);
    case 'object': {
      if (value === null) return mix(h, 6);
      if (Array.isArray(value)) {
        let x = mix(h, 7);
        for (let i = 0; i < value.length; i++) x = hashInto(x, value[i]);
        return mix(x, 8);
      }
      let x = mix(h, 9);
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const v = record[key];
        if (v === undefined) continue;
        x = hashInto(hashString(x, key), v);
      }
      return mix(x, 10);
    }
    default:
      return mix(h, 11);
  }
}

/**
 * Whether two plain values have the same content, in the sense of `contentHash`: what may share
 * one instance. Keys whose value is undefined do not count; the order of keys does.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
      return false;
    for (let i = 0; i < a.length; i++)
      if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter(k => ra[k] !== undefined);
  const kb = Object.keys(rb).filter(k => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++)
    if (ka[i] !== kb[i] || !sameContent(ra[ka[i]], rb[kb[i]])) return false;
  return true;
}

/**
 * Makes a value fit for sharing: strings detached, and the value and everything in it frozen.
 * Frozen is also how `detach` recognises a value that is already detached.
 */
function sealShared<T>(value: T): T {
  if (value && typeof value === 'object') {
    detachInPlace(value);
    freezeDeep(value);
  }
  return value;
}

function freezeDeep(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value))
    if (v && typeof v === 'object') freezeDeep(v);
}

/**
 * Replaces every string in a freshly trimmed object, in place, by an interned or owned copy, so
 * the cached object keeps nothing of the text it was parsed from. Frozen parts are the shared
 * records of `shared` and `shareRecent`, detached when they were sealed, and are not walked
 * again; nothing else in a freshly trimmed object is frozen, so no per-object bookkeeping is
 * needed to know what was already detached.
 */
export function detach<T extends object>(value: T): T {
  detachInPlace(value);
  return value;
}

function detachInPlace(value: object): void {
  if (Object.isFrozen(value)) return;
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
 * The same record without its keys whose value is undefined: a key holds a slot in every
 * object of that shape whether it has a value or not. Readers see no difference
 * (`record.reason` is undefined either way, and JSON leaves such keys out).
 */
export function definedOnly<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}

/**
 * Empties the intern and shape tables; for memory measurements that must count them.
 *
 * @alpha
 */
export function clearInternTables(): void {
  table.clear();
  shapes.clear();
  records.clear();
}
