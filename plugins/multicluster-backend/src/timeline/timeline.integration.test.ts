import {
  describeRolloutGroup,
  EntityTimeline,
  groupRollouts,
} from '@kubeplatform/clusters-common';
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import type { LocalFleet } from '@kubeplatform/local-clusters';
import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import { multiclusterOnFleetForAll } from '../__testUtils__/startMulticlusterOnFleet';
import { scratchProbe } from '../__testUtils__/scratchProbe';

/**
 * The timeline against the real local fleet: checkout's two versions (1.5.0 in dev-eu, 1.4.2 in
 * prod-us, as the clusters themselves report them), and a scratch Deployment rolled from 1.0.0
 * to 2.0.0 first in dev-eu and then in prod-us, whose second version must read as reaching
 * prod-us after dev-eu, with the controllers' Normal scaling events.
 */
jest.setTimeout(120_000);

const probe = scratchProbe('tl');
const { id } = probe;
const scratch = probe.namespace();

/** The fleet admin's core API on `cluster`. */
const core = (fleet: LocalFleet, cluster: string) =>
  fleet.cluster(cluster).kubeConfig().makeApiClient(CoreV1Api);

const onFleet = multiclusterOnFleetForAll({
  config: {
    multicluster: { entityScope: { namespaces: ['shop', scratch] } },
  },
  entities: [serviceEntity('checkout'), serviceEntity(id)],
  beforeStart: async fleet => {
    for (const cluster of ['dev-eu', 'prod-us']) {
      await core(fleet, cluster).createNamespace({
        body: { metadata: { name: scratch } },
      });
    }
  },
  afterStop: async fleet => {
    for (const cluster of ['dev-eu', 'prod-us']) {
      await core(fleet, cluster)
        .deleteNamespace({ name: scratch })
        .catch(() => undefined);
    }
  },
});

const admin = (cluster: string): KubeConfig =>
  onFleet.fleet.cluster(cluster).kubeConfig();

async function deploy(cluster: string, image: string) {
  const apps = admin(cluster).makeApiClient(AppsV1Api);
  const body = probe.deployment(image);
  const existing = await apps
    .readNamespacedDeployment({ name: id, namespace: scratch })
    .catch(() => undefined);
  if (existing) {
    // A merge patch of the template, not a replace: the controller writes the Deployment's
    // status meanwhile, and a replace carrying the read resourceVersion would conflict (409).
    await apps.patchNamespacedDeployment(
      {
        name: id,
        namespace: scratch,
        body: { spec: { template: body.spec!.template } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  } else {
    await apps.createNamespacedDeployment({ namespace: scratch, body });
  }
}

async function timeline(entity: string, query = ''): Promise<EntityTimeline> {
  const res = await fetch(
    `${onFleet.backend.apiUrl(
      'multicluster',
    )}/entities/component/default/${entity}/timeline${query}`,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as EntityTimeline;
}

/** Reads the cache-backed API until the condition holds: the watch reaches it asynchronously. */
async function waitForTimeline(
  entity: string,
  condition: (t: EntityTimeline) => boolean,
  timeoutMs = 30_000,
): Promise<EntityTimeline> {
  const deadline = Date.now() + timeoutMs;
  let last = await timeline(entity);
  while (!condition(last) && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 250));
    last = await timeline(entity);
  }
  return last;
}

const imageRollouts = (t: EntityTimeline) =>
  t.entries
    .filter(e => e.type === 'rollout')
    .map(e => `${e.cluster} ${e.rollout?.images.map(i => i.image).join(',')}`);

describe('the timeline on the local fleet', () => {
  it("shows checkout's image change between its two versions with both clusters", async () => {
    const running: string[] = [];
    for (const cluster of ['dev-eu', 'prod-us']) {
      const deployment = await admin(cluster)
        .makeApiClient(AppsV1Api)
        .readNamespacedDeployment({ name: 'checkout', namespace: 'shop' });
      running.push(
        `${cluster} ${deployment.spec?.template.spec?.containers
          .map(c => c.image)
          .join(',')}`,
      );
    }
    // What the demo fleet runs: two versions, one per cluster.
    expect(running).toEqual([
      'dev-eu kubeplatform-demo/checkout:1.5.0',
      'prod-us kubeplatform-demo/checkout:1.4.2',
    ]);

    const t = await timeline('checkout');
    expect(t.clusters.map(c => [c.name, c.sync.state])).toEqual([
      ['dev-eu', 'ok'],
      ['prod-us', 'ok'],
    ]);
    expect(imageRollouts(t).sort()).toEqual(running);
    const groups = groupRollouts(t.entries);
    expect(
      groups.map(g => [g.version, g.reached.map(r => r.cluster)]).sort(),
    ).toEqual([
      ['1.4.2', ['prod-us']],
      ['1.5.0', ['dev-eu']],
    ]);
    // prod-us's crash-looping pods and the HPA's decision are on it too.
    expect(
      t.entries.some(
        e =>
          e.cluster === 'prod-us' &&
          e.type === 'restart' &&
          e.severity === 'warning',
      ),
    ).toBe(true);
    expect(
      t.entries.some(e => e.cluster === 'prod-us' && e.type === 'scaling'),
    ).toBe(true);
  });

  it("reads a new version reaching prod-us after dev-eu, with the controllers' Normal events", async () => {
    await deploy('dev-eu', `registry.local/${id}:1.0.0`);
    await deploy('prod-us', `registry.local/${id}:1.0.0`);
    await waitForTimeline(id, t => imageRollouts(t).length === 2);
    await deploy('dev-eu', `registry.local/${id}:2.0.0`);
    await waitForTimeline(id, t =>
      imageRollouts(t).includes(`dev-eu registry.local/${id}:2.0.0`),
    );
    // ReplicaSet creation times have a resolution of one second.
    await new Promise(r => setTimeout(r, 2_100));
    await deploy('prod-us', `registry.local/${id}:2.0.0`);
    const t = await waitForTimeline(
      id,
      x =>
        imageRollouts(x).includes(`prod-us registry.local/${id}:2.0.0`) &&
        x.entries.filter(e => e.reason === 'ScalingReplicaSet').length >= 4,
    );

    const second = t.entries.filter(
      e => e.type === 'rollout' && e.rollout?.revision === 2,
    );
    expect(second.map(e => e.cluster).sort()).toEqual(['dev-eu', 'prod-us']);
    for (const entry of second) {
      expect(entry).toMatchObject({
        namespace: scratch,
        workload: { kind: 'Deployment', name: id },
        message: `Revision 2: app registry.local/${id}:1.0.0 → registry.local/${id}:2.0.0`,
        rollout: {
          previousImages: [
            { container: 'app', image: `registry.local/${id}:1.0.0` },
          ],
        },
      });
    }
    const [latest] = groupRollouts(t.entries);
    expect(latest.version).toBe('2.0.0');
    expect(latest.reached.map(r => r.cluster)).toEqual(['dev-eu', 'prod-us']);
    expect(latest.reached[1].delayMs).toBeGreaterThanOrEqual(2_000);
    expect(describeRolloutGroup(latest)).toMatch(
      /^2\.0\.0 reached prod-us \d+ s after dev-eu$/,
    );
    // Normal events reach the cache: the Deployment controller's scale-ups of each revision.
    const scaling = t.entries.filter(
      e => e.reason === 'ScalingReplicaSet' && e.severity === 'info',
    );
    expect(new Set(scaling.map(e => e.cluster))).toEqual(
      new Set(['dev-eu', 'prod-us']),
    );

    const filtered = await timeline(id, '?cluster=prod-us&type=rollout');
    expect(imageRollouts(filtered)).toEqual([
      `prod-us registry.local/${id}:2.0.0`,
      `prod-us registry.local/${id}:1.0.0`,
    ]);
  });
});
