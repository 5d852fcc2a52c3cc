import type { CachedObject } from './resources';

/**
 * A secondary index over cached objects: key -> (object id -> object). Holds references to the
 * objects ListWatch stores, never copies. The caller passes the object's id (namespace/name, as
 * ListWatch identifies objects), so several indexes share one id string per object.
 */
export class ObjectIndex<T extends CachedObject = CachedObject> {
  private readonly byKey = new Map<string, Map<string, T>>();
  /** The key(s) each object is filed under, to unfile it on update and delete. */
  private readonly keysOf = new Map<string, string | string[]>();

  constructor(private readonly keysFor: (obj: T) => string[]) {}

  put(obj: T, id: string = objectId(obj)) {
    this.removeId(id);
    const keys = this.keysFor(obj);
    if (!keys.length) return;
    this.keysOf.set(id, keys.length === 1 ? keys[0] : keys);
    for (const key of keys) {
      let bucket = this.byKey.get(key);
      if (!bucket) {
        bucket = new Map();
        this.byKey.set(key, bucket);
      }
      bucket.set(id, obj);
    }
  }

  remove(obj: T, id: string = objectId(obj)) {
    this.removeId(id);
  }

  get(key: string): T[] {
    const bucket = this.byKey.get(key);
    return bucket ? [...bucket.values()] : [];
  }

  clear() {
    this.byKey.clear();
    this.keysOf.clear();
  }

  private removeId(id: string) {
    const filed = this.keysOf.get(id);
    if (filed === undefined) return;
    this.keysOf.delete(id);
    for (const key of typeof filed === 'string' ? [filed] : filed) {
      const bucket = this.byKey.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) this.byKey.delete(key);
    }
  }
}

export function objectId(obj: CachedObject): string {
  return (
    obj.metadata?.uid ??
    `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`
  );
}
