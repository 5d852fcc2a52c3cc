import { TrimmedEvent, TrimmedPod } from '@kubeplatform/clusters-common';
import { CacheIndexes } from './CacheIndexes';

const pod = (name: string, labels: Record<string, string>, owner?: string) =>
  ({
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      labels,
      ...(owner && {
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: owner,
            uid: owner,
          },
        ],
      }),
    },
  } satisfies TrimmedPod);

const warning: TrimmedEvent = {
  metadata: { name: 'e1', namespace: 'shop', uid: 'uid-e1' },
  involvedObject: { kind: 'Pod', name: 'a', namespace: 'shop' },
  type: 'Warning',
};

describe('CacheIndexes', () => {
  it('files objects by kubernetes-id label and owner uid, and unfiles them', () => {
    const indexes = new CacheIndexes(['pods', 'events']);
    const a = pod('a', { 'backstage.io/kubernetes-id': 'checkout' }, 'rs-1');
    indexes.update('pods', 'add', a);
    expect(indexes.withKubernetesId('pods', 'checkout')).toEqual([a]);
    expect(indexes.ownedBy('pods', 'rs-1')).toEqual([a]);

    const relabelled = pod('a', { 'backstage.io/kubernetes-id': 'cart' });
    indexes.update('pods', 'update', relabelled);
    expect(indexes.withKubernetesId('pods', 'checkout')).toEqual([]);
    expect(indexes.withKubernetesId('pods', 'cart')).toEqual([relabelled]);
    expect(indexes.ownedBy('pods', 'rs-1')).toEqual([]);

    indexes.update('pods', 'delete', relabelled);
    expect(indexes.withKubernetesId('pods', 'cart')).toEqual([]);
  });

  it('unfiles the version it filed, whichever version an update or delete brings', () => {
    const indexes = new CacheIndexes(['pods']);
    const a = pod('a', { 'backstage.io/kubernetes-id': 'checkout' }, 'rs-1');
    indexes.update('pods', 'add', a);
    // A newer version with the same keys replaces the filed one.
    const a2 = pod('a', { 'backstage.io/kubernetes-id': 'checkout' }, 'rs-1');
    indexes.update('pods', 'update', a2);
    expect(indexes.withKubernetesId('pods', 'checkout')).toEqual([a2]);
    expect(indexes.withKubernetesId('pods', 'checkout')[0]).toBe(a2);
    expect(indexes.ownedBy('pods', 'rs-1')[0]).toBe(a2);
    // The watch's deleted object is yet another version, here without labels or owner.
    indexes.update('pods', 'delete', pod('a', {}));
    expect(indexes.withKubernetesId('pods', 'checkout')).toEqual([]);
    expect(indexes.ownedBy('pods', 'rs-1')).toEqual([]);
  });

  it('files an object that had no keys once it gets some, and the reverse', () => {
    const indexes = new CacheIndexes(['pods']);
    indexes.update('pods', 'add', pod('a', {}));
    const labelled = pod('a', { 'backstage.io/kubernetes-id': 'checkout' });
    indexes.update('pods', 'update', labelled);
    expect(indexes.withKubernetesId('pods', 'checkout')).toEqual([labelled]);
    indexes.update('pods', 'update', pod('a', {}));
    expect(indexes.withKubernetesId('pods', 'checkout')).toEqual([]);
  });

  it('keeps many objects under one key in the order they were filed', () => {
    const indexes = new CacheIndexes(['pods']);
    const pods = Array.from({ length: 200 }, (_, i) =>
      pod(`p${i}`, { 'backstage.io/kubernetes-id': 'big' }, 'rs-big'),
    );
    for (const p of pods) indexes.update('pods', 'add', p);
    expect(indexes.withKubernetesId('pods', 'big')).toEqual(pods);
    for (const p of pods.slice(0, 150)) indexes.update('pods', 'delete', p);
    expect(indexes.ownedBy('pods', 'rs-big')).toEqual(pods.slice(150));
    for (const p of pods.slice(150)) indexes.update('pods', 'delete', p);
    expect(indexes.ownedBy('pods', 'rs-big')).toEqual([]);
  });

  it('files an object once under an owner named twice', () => {
    const indexes = new CacheIndexes(['pods']);
    const twice = {
      metadata: {
        name: 'x',
        namespace: 'shop',
        uid: 'uid-x',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'A', name: 'o', uid: 'o' },
          { apiVersion: 'v1', kind: 'B', name: 'o', uid: 'o' },
        ],
      },
    } satisfies TrimmedPod;
    indexes.update('pods', 'add', twice);
    expect(indexes.ownedBy('pods', 'o')).toEqual([twice]);
    indexes.update('pods', 'delete', twice);
    expect(indexes.ownedBy('pods', 'o')).toEqual([]);
  });

  it('files Warning events by the object they are about', () => {
    const indexes = new CacheIndexes(['pods', 'events']);
    indexes.update('events', 'add', warning);
    expect(indexes.eventsAbout('Pod', 'shop', 'a')).toEqual([warning]);
    expect(indexes.eventsAbout('Pod', 'shop', 'b')).toEqual([]);
    indexes.update('events', 'delete', warning);
    expect(indexes.eventsAbout('Pod', 'shop', 'a')).toEqual([]);
  });
});
