import { AppsV1Api, KubeConfig } from '@kubernetes/client-node';
import { DEMO_DRIFT, DEMO_TROUBLES } from '@kubeplatform/local-clusters';
import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import type { EntityView } from '@kubeplatform/clusters-common';
import { eventually } from './__testUtils__/eventually';
import { openViewStream } from './__testUtils__/sse';
import { probeDeployment } from './__testUtils__/scratchProbe';
import {
  demoServiceEntities,
  multiclusterOnFleetForAll,
} from './__testUtils__/startMulticlusterOnFleet';

/**
 * The entity view against the real local fleet (`yarn clusters up`): the demo services, their
 * deliberate troubles, image drift, and live updates over SSE.
 */
jest.setTimeout(90_000);

const liveId = `it-live-${Date.now().toString(36)}`;

const onFleet = multiclusterOnFleetForAll({
  entities: [
    ...demoServiceEntities(),
    serviceEntity(liveId),
    serviceEntity('no-annotations', {}),
    serviceEntity('bad-selector', {
      'backstage.io/kubernetes-label-selector': 'app in (a',
    }),
  ],
});

afterAll(async () => {
  const apps = onFleet.fleet
    ?.cluster('prod-us')
    .kubeConfig()
    .makeApiClient(AppsV1Api);
  await apps
    ?.deleteNamespacedDeployment({ namespace: 'shop', name: liveId })
    .catch(() => undefined);
});

describe('entity view on the local fleet', () => {
  it('shows the checkout Deployment in both clusters, synced', async () => {
    const view = await onFleet.view('checkout');
    expect(view.entityRef).toBe('component:default/checkout');
    expect(view.incomplete).toBe(false);
    expect(view.clusters.map(c => c.cluster.name).sort()).toEqual(
      expect.arrayContaining(['dev-eu', 'prod-us']),
    );
    for (const c of view.clusters) {
      expect(c.sync.state).toBe('ok');
      const checkout = c.workloads.find(
        w => w.kind === 'Deployment' && w.name === 'checkout',
      );
      expect(checkout).toBeDefined();
      expect(checkout!.namespace).toBe('shop');
      expect(checkout!.images[0].container).toBe('checkout');
      expect(checkout!.replicas.desired).toBeGreaterThan(0);
    }
    const prod = view.clusters.find(c => c.cluster.name === 'prod-us')!;
    expect(prod.cluster).toMatchObject({
      region: 'us-east-1',
      environment: 'production',
    });
    const hpa = prod.workloads.find(w => w.name === 'checkout')!.autoscaler;
    expect(hpa).toMatchObject({ maxReplicas: 3 });
    expect(hpa!.headroom).toBe(hpa!.maxReplicas - hpa!.currentReplicas);
  });

  it.each(
    DEMO_TROUBLES.map(t => [
      `${t.code} on ${t.kind} ${t.name} in ${t.cluster}`,
      t,
    ]),
  )('reports the deliberate trouble %s', async (_title, trouble) => {
    const troubleIn = (view: EntityView) =>
      view.clusters
        .find(c => c.cluster.name === trouble.cluster)
        ?.problems.filter(
          p =>
            p.code === trouble.code &&
            p.object.kind === trouble.kind &&
            p.object.namespace === trouble.namespace &&
            (trouble.kind === 'Pod'
              ? p.object.name.startsWith(`${trouble.name}-`)
              : p.object.name === trouble.name),
        ) ?? [];
    // On a fleet just created, some troubles take their time: a stuck rollout is reported once
    // its 60 s progress deadline has passed.
    const view = await eventually(
      () => onFleet.view(trouble.service),
      v => troubleIn(v).length > 0,
      80_000,
      1_000,
    );
    expect(
      view.clusters.find(c => c.cluster.name === trouble.cluster),
    ).toBeDefined();
    const found = troubleIn(view);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].cluster).toBe(trouble.cluster);
    expect(found[0].suggestedFix.length).toBeGreaterThan(0);
  });

  it('reports image drift between dev-eu and prod-us', async () => {
    for (const drift of DEMO_DRIFT) {
      const view = await onFleet.view(drift.service);
      // Other clusters of the fleet (scale mode adds staging-ap) may run the same workload too.
      expect(view.drift).toContainEqual({
        kind: drift.kind,
        name: drift.name,
        container: drift.container,
        tagsByCluster: expect.objectContaining(drift.tags),
      });
    }
  });

  it('explains entities without annotations and with an invalid selector (200, not 500)', async () => {
    const none = await onFleet.view('no-annotations');
    expect(none.explanation?.code).toBe('NoKubernetesAnnotations');
    expect(none.clusters).toEqual([]);
    const bad = await onFleet.view('bad-selector');
    expect(bad.explanation?.code).toBe('InvalidLabelSelector');
  });

  it('answers 404 for an unknown entity and 400 for a malformed ref', async () => {
    expect(await onFleet.statusOf(`/entities/component/default/nope`)).toBe(
      404,
    );
    expect(
      await onFleet.statusOf(`/entities/component/default/${'x'.repeat(70)}`),
    ).toBe(400);
    expect(
      await onFleet.statusOf(`/entities/comp%20onent/default/checkout`),
    ).toBe(400);
  });

  it('shows a Deployment created in prod-us in the view, and in the SSE stream within 2 s', async () => {
    const stream = await openViewStream(
      `${onFleet.backend.apiUrl(
        'multicluster',
      )}/entities/component/default/${liveId}/stream`,
    );
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      const first = await stream.waitFor(() => true, 2_000);
      expect(first.view.clusters).toEqual([]);

      const admin: KubeConfig = onFleet.fleet.cluster('prod-us').kubeConfig();
      const createdAt = Date.now();
      await admin.makeApiClient(AppsV1Api).createNamespacedDeployment({
        namespace: 'shop',
        body: probeDeployment(liveId, `registry.local/${liveId}:0.0.1`),
      });
      const seen = await stream.waitFor(
        v =>
          v.clusters.some(
            (c: any) =>
              c.cluster.name === 'prod-us' &&
              c.workloads.some((w: any) => w.name === liveId),
          ),
        2_000,
      );
      expect(seen.at - createdAt).toBeLessThan(2_000);

      const view = await onFleet.view(liveId);
      const workload = view.clusters.find(c => c.cluster.name === 'prod-us')!
        .workloads[0];
      expect(workload).toMatchObject({
        kind: 'Deployment',
        name: liveId,
        namespace: 'shop',
      });
      expect(workload.images).toEqual([
        {
          container: 'app',
          image: `registry.local/${liveId}:0.0.1`,
          tag: '0.0.1',
        },
      ]);
    } finally {
      await stream.close();
    }
  });
});
