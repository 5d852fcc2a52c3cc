import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityTimeline } from '@kubeplatform/clusters-common';
import request from 'supertest';
import devEu from '../timeline/__fixtures__/dev-eu.shop.json';
import prodUs from '../timeline/__fixtures__/prod-us.shop.json';
import { routerApp, componentEntity } from '../__testUtils__/routerApp';

/** The timeline route on the captured demo objects: permission, entity ownership, scope, filters. */

/** A cache reader over captured API objects, indexed the way the watch cache indexes them. */
function capturedReader(name: string, objects: Record<string, any[]>) {
  const all = (resource: string, namespace?: string) =>
    (objects[resource] ?? []).filter(
      o => !namespace || o.metadata.namespace === namespace,
    );
  return {
    identity: { name },
    list: all,
    get: (resource: string, namespace: string, n: string) =>
      all(resource, namespace).find(o => o.metadata.name === n),
    listByKubernetesId: (resource: string, id: string) =>
      all(resource).filter(
        o => o.metadata.labels?.['backstage.io/kubernetes-id'] === id,
      ),
    listByOwner: (resource: string, uid: string) =>
      all(resource).filter(o =>
        (o.metadata.ownerReferences ?? []).some((r: any) => r.uid === uid),
      ),
    eventsFor: (kind: string, namespace: string, n: string) =>
      all('events', namespace).filter(
        e => e.involvedObject.kind === kind && e.involvedObject.name === n,
      ),
    status: () => ({ state: 'ok' }),
    restartBaseline: () => undefined,
  };
}

const clusters = [
  capturedReader('dev-eu', devEu),
  capturedReader('prod-us', prodUs),
];

const app = (
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    config?: object;
  } = {},
) =>
  routerApp({
    entities: [
      componentEntity('checkout', { 'backstage.io/kubernetes-id': 'checkout' }),
      componentEntity('website', {}),
    ],
    clusters,
    ...options,
  });

const path = '/entities/component/default/checkout/timeline';

describe('GET .../timeline', () => {
  it("answers the entity's rollouts in both clusters, and only the entity's", async () => {
    const res = await request(await app()).get(path);
    expect(res.status).toBe(200);
    const timeline: EntityTimeline = res.body;
    expect(timeline.entityRef).toBe('component:default/checkout');
    expect(timeline.clusters.map(c => c.name)).toEqual(['dev-eu', 'prod-us']);
    expect(
      timeline.entries
        .filter(e => e.type === 'rollout')
        .map(e => [e.cluster, e.rollout?.images[0].image]),
    ).toEqual([
      ['prod-us', 'kubeplatform-demo/checkout:1.4.2'],
      ['dev-eu', 'kubeplatform-demo/checkout:1.5.0'],
    ]);
    expect(timeline.entries.every(e => e.workload.name === 'checkout')).toBe(
      true,
    );
    expect(
      timeline.entries.some(e => e.object?.name.startsWith('payments')),
    ).toBe(false);
    // The HPA scaled checkout in prod-us from 5 to 3: the two deleted pods' events stay on it.
    const gone = prodUs.events
      .filter(e => e.involvedObject.kind === 'Pod')
      .map(e => e.involvedObject.name)
      .filter(
        name =>
          name.startsWith('checkout-') &&
          !prodUs.pods.some(p => p.metadata.name === name),
      );
    expect(gone.length).toBeGreaterThan(0);
    for (const pod of gone) {
      expect(
        timeline.entries.some(
          e => e.cluster === 'prod-us' && e.object?.name === pod,
        ),
      ).toBe(true);
    }
  });

  it('filters by cluster and type', async () => {
    const res = await request(await app()).get(
      `${path}?cluster=prod-us&type=scaling,restart`,
    );
    expect(res.status).toBe(200);
    const timeline: EntityTimeline = res.body;
    expect(timeline.clusters.map(c => c.name)).toEqual(['prod-us']);
    expect(new Set(timeline.entries.map(e => e.cluster))).toEqual(
      new Set(['prod-us']),
    );
    expect(new Set(timeline.entries.map(e => e.type))).toEqual(
      new Set(['scaling', 'restart']),
    );
  });

  it('refuses an unknown type with 400 and the allowed ones', async () => {
    const res = await request(await app()).get(`${path}?type=deploys`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /Unknown timeline type "deploys"; use rollout, scaling, restart, config, event/,
    );
  });

  it('answers 403 without multicluster.view.read, 404 for an entity without annotations', async () => {
    expect(
      (await request(await app({ permission: AuthorizeResult.DENY })).get(path))
        .status,
    ).toBe(403);
    expect(
      (
        await request(await app()).get(
          '/entities/component/default/website/timeline',
        )
      ).status,
    ).toBe(404);
  });

  it('shows nothing outside the entity scope', async () => {
    const res = await request(
      await app({
        config: {
          kubeplatform: {
            multicluster: {
              entityScope: {
                clusters: [{ cluster: 'prod-us', namespaces: ['other'] }],
              },
            },
          },
        },
      }),
    ).get(path);
    expect(res.status).toBe(200);
    const timeline: EntityTimeline = res.body;
    expect(timeline.entries.length).toBeGreaterThan(0);
    expect(timeline.entries.every(e => e.cluster === 'dev-eu')).toBe(true);
  });
});
