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

  it('files Warning events by the object they are about', () => {
    const indexes = new CacheIndexes(['pods', 'events']);
    indexes.update('events', 'add', warning);
    expect(indexes.eventsAbout('Pod', 'shop', 'a')).toEqual([warning]);
    expect(indexes.eventsAbout('Pod', 'shop', 'b')).toEqual([]);
    indexes.update('events', 'delete', warning);
    expect(indexes.eventsAbout('Pod', 'shop', 'a')).toEqual([]);
  });
});
