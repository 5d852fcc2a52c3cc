import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { OwnerView, WorkloadDetail } from '@kubeplatform/clusters-common';
import { CoreV1Api } from '@kubernetes/client-node';
import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import {
  DEMO_SERVICES,
  demoServiceEntities,
  multiclusterOnFleetForAll,
  startMulticlusterOnFleet,
} from './__testUtils__/startMulticlusterOnFleet';

/** Workload detail, logs and the team view against the real local fleet. */
jest.setTimeout(90_000);

const onFleet = multiclusterOnFleetForAll({
  entities: [
    ...demoServiceEntities(),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-shop', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
  ],
});

const entityUrl = (name: string) =>
  `${onFleet.backend.apiUrl(
    'multicluster',
  )}/entities/component/default/${name}`;

/** The name of a pod of the app `name` in prod-us's shop namespace. */
async function prodShopPod(name: string) {
  const core = onFleet.fleet
    .cluster('prod-us')
    .kubeConfig()
    .makeApiClient(CoreV1Api);
  const pods = await core.listNamespacedPod({
    namespace: 'shop',
    labelSelector: `app.kubernetes.io/name=${name}`,
  });
  return pods.items[0].metadata!.name!;
}

describe('workload detail, logs and owners on the local fleet', () => {
  it('returns the checkout Deployment in prod-us with its pods, problems and kubectl commands', async () => {
    const res = await fetch(
      `${entityUrl(
        'checkout',
      )}/clusters/prod-us/workloads/Deployment/shop/checkout`,
    );
    expect(res.status).toBe(200);
    const detail = (await res.json()) as WorkloadDetail;
    expect(detail.cluster.name).toBe('prod-us');
    expect(detail.workload).toMatchObject({
      kind: 'Deployment',
      name: 'checkout',
      namespace: 'shop',
    });
    expect(detail.pods.length).toBeGreaterThan(0);
    expect(detail.pods.every(p => p.name.startsWith('checkout-'))).toBe(true);
    const crashing = detail.pods.filter(p =>
      p.problems.some(x => x.code === 'CrashLoopBackOff'),
    );
    expect(crashing.length).toBeGreaterThan(0);
    expect(crashing[0].restarts).toBeGreaterThan(0);
    expect(detail.workload.restarts.total).toBeGreaterThan(0);
    // Restarts of pods younger than an hour all count for the last hour; for older pods only
    // those since the cache's first sample do, so the count depends on the fleet's age.
    const hourAgo = Date.now() - 60 * 60 * 1000;
    const allYoung = detail.pods.every(
      p => p.createdAt !== undefined && Date.parse(p.createdAt) > hourAgo,
    );
    const { lastHour, total } = detail.workload.restarts;
    expect(lastHour).toBeLessThanOrEqual(total);
    expect(allYoung ? lastHour : total).toBe(total);
    expect(detail.kubectl.context).toBe('prod-us');
    expect(detail.kubectl.commands.map(c => c.command)).toContain(
      'kubectl --context prod-us -n shop describe deployment/checkout',
    );
  });

  it.each([
    [
      "a workload that is not the entity's",
      'prod-us/workloads/Deployment/shop/payments',
      404,
    ],
    ['an unknown cluster', 'nowhere/workloads/Deployment/shop/checkout', 404],
    ['an unknown kind', 'prod-us/workloads/Pod/shop/checkout', 400],
  ])('answers the detail of %s with %s', async (_what, path, status) => {
    const res = await fetch(`${entityUrl('checkout')}/clusters/${path}`);
    expect(res.status).toBe(status);
  });

  it('streams the logs of a pod of the entity, bounded by tailLines', async () => {
    const pod = await prodShopPod('catalog-api');
    const res = await fetch(
      `${entityUrl(
        'catalog-api',
      )}/clusters/prod-us/pods/shop/${pod}/logs?tailLines=3`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const lines = text.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(text).toMatch(/catalog-api|GET|INFO/);
  });

  it.each([
    [
      'the time bound',
      { maxFollowSeconds: 2, maxBytes: 1_000_000 },
      'follow=true&tailLines=5',
      { min: 1_900, max: 6_000 },
      { min: 1, max: 1_000_000 },
    ],
    [
      'the byte bound',
      { maxFollowSeconds: 60, maxBytes: 40 },
      'follow=true&tailLines=100',
      { min: 0, max: 10_000 },
      { min: 40, max: 40 },
    ],
  ])('ends a follow stream at %s', async (_title, logs, query, ms, bytes) => {
    const pod = await prodShopPod('catalog-api');
    const bounded = await startMulticlusterOnFleet(onFleet.fleet, {
      clusters: [onFleet.fleet.cluster('prod-us')],
      config: { multicluster: { logs } },
      entities: [serviceEntity('catalog-api')],
    });
    try {
      const startedAt = Date.now();
      const res = await fetch(
        `${bounded.apiUrl(
          'multicluster',
        )}/entities/component/default/catalog-api/clusters/prod-us/pods/shop/${pod}/logs?${query}`,
      );
      expect(res.status).toBe(200);
      const text = await res.text();
      const elapsed = Date.now() - startedAt;
      expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(bytes.min);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(bytes.max);
      expect(elapsed).toBeGreaterThanOrEqual(ms.min);
      expect(elapsed).toBeLessThan(ms.max);
    } finally {
      await bounded.stop();
    }
  });

  it('answers 404 for logs of a pod that does not belong to the entity', async () => {
    const pod = await prodShopPod('payments');
    const res = await fetch(
      `${entityUrl('checkout')}/clusters/prod-us/pods/shop/${pod}/logs`,
    );
    expect(res.status).toBe(404);
  });

  it('checks multicluster.logs.read', async () => {
    const denied = await startMulticlusterOnFleet(onFleet.fleet, {
      clusters: [onFleet.fleet.cluster('prod-us')],
      entities: [serviceEntity('catalog-api')],
      permission: AuthorizeResult.DENY,
    });
    try {
      const pod = await prodShopPod('catalog-api');
      const res = await fetch(
        `${denied.apiUrl(
          'multicluster',
        )}/entities/component/default/catalog-api/clusters/prod-us/pods/shop/${pod}/logs`,
      );
      expect(res.status).toBe(403);
    } finally {
      await denied.stop();
    }
  });

  it('rolls up every entity the group owns in the team view, worst first', async () => {
    const res = await fetch(
      `${onFleet.backend.apiUrl(
        'multicluster',
      )}/owners/group/default/team-shop`,
    );
    expect(res.status).toBe(200);
    const owner = (await res.json()) as OwnerView;
    expect(owner.ownerRef).toBe('group:default/team-shop');
    expect(owner.entities.map(e => e.entityRef).sort()).toEqual(
      DEMO_SERVICES.map(s => `component:default/${s}`).sort(),
    );
    const checkout = owner.entities.find(
      e => e.entityRef === 'component:default/checkout',
    )!;
    expect(checkout.health).toBe('error');
    expect(checkout.problemCounts.error).toBeGreaterThan(0);
    expect(checkout.topProblem?.severity).toBe('error');
    expect(checkout.clusters.map(c => c.cluster).sort()).toEqual(
      expect.arrayContaining(['dev-eu', 'prod-us']),
    );
    expect(await onFleet.statusOf(`/owners/group/default/nobody`)).toBe(404);
  });
});
