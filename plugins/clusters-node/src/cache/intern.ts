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
 * What it returns is detached and deeply frozen: nobody can change a value other objects share.
 */
export function shared<T>(value: T): T {
  if (value === undefined || value === null) return value;
  const key = JSON.stringify(value);
  const found = shapes.get(key);
  if (found !== undefined) return found as T;
  const record = sealShared(value);
  if (shapes.size < MAX_SHAPES) shapes.set(key, record);
  return record;
}

/**
 * A bounded table of recently seen records, for hash-consing values whose sharing is local in
 * time: the conditions and container statuses of pods that started in the same second (one
 * rollout, one list page). Two generations of at most `generationSize` entries each: when the
 * current one is full it becomes the previous one and the oldest is dropped, so the table never
 * holds more than 2 × generationSize records however many objects pass through it, and a record
 * seen again while still in either generation is shared. Dropping a generation only stops
 * future sharing with its records; objects already pointing at them keep them.
 */
export class RecentRecords {
  private current = new Map<string, unknown>();
  private previous = new Map<string, unknown>();

  constructor(private readonly generationSize: number) {}

  /** The shared, detached and frozen instance of a plain value equal to `value`. */
  share<T>(value: T): T {
    if (value === undefined || value === null) return value;
    const key = JSON.stringify(value);
    const found = this.current.get(key);
    if (found !== undefined) return found as T;
    const earlier = this.previous.get(key);
    const record = earlier !== undefined ? (earlier as T) : sealShared(value);
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
