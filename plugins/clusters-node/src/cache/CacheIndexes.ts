import {
  KUBERNETES_ID_LABEL,
  TrimmedEvent,
} from '@kubeplatform/clusters-common';
import { ObjectIndex, objectId } from './ObjectIndex';
import { CachedObject, CachedResource } from './resources';

/**
 * The secondary indexes of one cluster's cache: by `backstage.io/kubernetes-id` label and by owner
 * uid for every resource type, and Warning events by the object they are about.
 */
export class CacheIndexes {
  private readonly byKubernetesId = new Map<CachedResource, ObjectIndex>();
  private readonly byOwner = new Map<CachedResource, ObjectIndex>();
  private readonly byInvolvedObject = new ObjectIndex<TrimmedEvent>(event => {
    const io = event.involvedObject;
    return io?.name
      ? [involvedKey(io.kind ?? '', io.namespace ?? '', io.name)]
      : [];
  });

  constructor(resources: readonly CachedResource[]) {
    for (const resource of resources) {
      this.byKubernetesId.set(
        resource,
        new ObjectIndex(obj => {
          const id = obj.metadata?.labels?.[KUBERNETES_ID_LABEL];
          return id ? [id] : [];
        }),
      );
      this.byOwner.set(
        resource,
        new ObjectIndex(obj =>
          (obj.metadata?.ownerReferences ?? []).map(r => r.uid),
        ),
      );
    }
  }

  update(
    resource: CachedResource,
    change: 'add' | 'update' | 'delete',
    obj: CachedObject,
  ): void {
    const id = objectId(obj);
    for (const index of [
      this.byKubernetesId.get(resource),
      this.byOwner.get(resource),
    ]) {
      if (!index) continue;
      if (change === 'delete') index.remove(obj, id);
      else index.put(obj, id, change === 'add');
    }
    if (resource === 'events' && 'involvedObject' in obj) {
      if (change === 'delete') this.byInvolvedObject.remove(obj, id);
      else this.byInvolvedObject.put(obj, id, change === 'add');
    }
  }

  withKubernetesId(resource: CachedResource, id: string): CachedObject[] {
    return this.byKubernetesId.get(resource)?.get(id) ?? [];
  }

  ownedBy(resource: CachedResource, ownerUid: string): CachedObject[] {
    return this.byOwner.get(resource)?.get(ownerUid) ?? [];
  }

  eventsAbout(kind: string, namespace: string, name: string): TrimmedEvent[] {
    return this.byInvolvedObject.get(involvedKey(kind, namespace, name));
  }
}

function involvedKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}
