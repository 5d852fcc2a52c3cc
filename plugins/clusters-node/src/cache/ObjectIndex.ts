import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * A secondary index over cached objects: key -> (namespace/name -> object). Holds references
 * to the objects ListWatch stores, never copies.
 */
export class ObjectIndex<T extends KubernetesObject = KubernetesObject> {
  private readonly byKey = new Map<string, Map<string, T>>();
  /** The keys each object is filed under, to unfile it on update and delete. */
  private readonly keysOf = new Map<string, string[]>();

  constructor(private readonly keysFor: (obj: T) => string[]) {}

  put(obj: T) {
    const id = objectId(obj);
    this.remove(obj);
    const keys = this.keysFor(obj);
    if (!keys.length) return;
    this.keysOf.set(id, keys);
    for (const key of keys) {
      let bucket = this.byKey.get(key);
      if (!bucket) {
        bucket = new Map();
        this.byKey.set(key, bucket);
      }
      bucket.set(id, obj);
    }
  }

  remove(obj: T) {
    const id = objectId(obj);
    const keys = this.keysOf.get(id);
    if (!keys) return;
    this.keysOf.delete(id);
    for (const key of keys) {
      const bucket = this.byKey.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) this.byKey.delete(key);
    }
  }

  get(key: string): T[] {
    const bucket = this.byKey.get(key);
    return bucket ? [...bucket.values()] : [];
  }

  clear() {
    this.byKey.clear();
    this.keysOf.clear();
  }
}

export function objectId(obj: KubernetesObject): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}
