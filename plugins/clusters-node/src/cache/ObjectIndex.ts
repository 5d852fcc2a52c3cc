import type { CachedObject } from './resources';

/** Objects an array bucket holds before it becomes a Map: finding one in an array scans it. */
const ARRAY_BUCKET_MAX = 64;

/** The objects filed under one key: an array while small (a few bytes each), else id -> object. */
type Bucket<T> = T[] | Map<string, T>;

/**
 * A secondary index over cached objects: key -> the objects filed under it. Holds references to
 * the objects ListWatch stores, never copies, and per object only its place in its buckets.
 *
 * A new version of an object replaces the old one wherever the old one was filed. The old
 * version is found under the new version's keys (keys rarely change); an object filed under
 * no key is remembered by id, so that updates of objects the index does not file search
 * nothing; only an object whose keys did change is looked for in every bucket.
 */
export class ObjectIndex<T extends CachedObject = CachedObject> {
  private readonly byKey = new Map<string, Bucket<T>>();
  /** Ids of objects filed under no key. */
  private readonly unfiled = new Set<string>();

  /** `keysFor` must give the same keys for the same object every time. */
  constructor(private readonly keysFor: (obj: T) => string[]) {}

  /**
   * Files an object, replacing the version of it filed before. `isNew`: the object was not
   * filed yet (an add), so no bucket but its own keys' is searched for an older version.
   */
  put(obj: T, id: string = objectId(obj), isNew = false): void {
    const keys = distinct(this.keysFor(obj));
    this.unfile(id, keys, !isNew);
    if (!keys.length) {
      this.unfiled.add(id);
      return;
    }
    for (const key of keys) {
      const bucket = this.byKey.get(key);
      if (!bucket) this.byKey.set(key, [obj]);
      else if (!Array.isArray(bucket)) bucket.set(id, obj);
      else if (bucket.length < ARRAY_BUCKET_MAX) bucket.push(obj);
      else
        this.byKey.set(
          key,
          new Map([...bucket.map(o => [objectId(o), o] as const), [id, obj]]),
        );
    }
  }

  /** Unfiles whichever version of the object is filed. */
  remove(obj: T, id: string = objectId(obj)): void {
    this.unfile(id, distinct(this.keysFor(obj)), true);
  }

  /** The objects filed under the key, in the order they were filed. */
  get(key: string): T[] {
    const bucket = this.byKey.get(key);
    if (!bucket) return [];
    return Array.isArray(bucket) ? [...bucket] : [...bucket.values()];
  }

  clear() {
    this.byKey.clear();
    this.unfiled.clear();
  }

  /**
   * Takes the filed version of object `id` out: looked for under `likelyKeys`, then, with
   * `searchAll`, in every bucket.
   */
  private unfile(id: string, likelyKeys: string[], searchAll: boolean): void {
    if (this.unfiled.delete(id)) return;
    for (const key of likelyKeys) {
      const filed = this.take(key, id);
      if (filed) {
        for (const other of distinct(this.keysFor(filed)))
          if (other !== key) this.take(other, id);
        return;
      }
    }
    // Its keys changed since it was filed (or it never was): look everywhere.
    if (searchAll) for (const key of [...this.byKey.keys()]) this.take(key, id);
  }

  /** Removes object `id` from one bucket and returns it, if it was there. */
  private take(key: string, id: string): T | undefined {
    const bucket = this.byKey.get(key);
    if (!bucket) return undefined;
    let found: T | undefined;
    if (Array.isArray(bucket)) {
      const at = bucket.findIndex(o => objectId(o) === id);
      if (at >= 0) [found] = bucket.splice(at, 1);
    } else {
      found = bucket.get(id);
      bucket.delete(id);
    }
    if ((Array.isArray(bucket) ? bucket.length : bucket.size) === 0)
      this.byKey.delete(key);
    return found;
  }
}

function distinct(keys: string[]): string[] {
  return keys.length > 1 ? [...new Set(keys)] : keys;
}

export function objectId(obj: CachedObject): string {
  return (
    obj.metadata?.uid ??
    `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`
  );
}
