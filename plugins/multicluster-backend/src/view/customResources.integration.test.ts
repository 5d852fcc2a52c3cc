import type { ClusterView, EntityView } from '@kubeplatform/clusters-common';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  fleetConfig,
  serviceEntity,
  startFleetBackend,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { multiclusterPlugin } from '../plugin';

/**
 * Custom resources against the real local fleet: `yarn clusters up` installs the Argo Rollouts
 * and cert-manager CRDs with checkout's Rollout and Certificate, healthy in dev-eu and broken in
 * prod-us (statuses written through the status subresource). The global customResources list
 * applies to prod-us; dev-eu lists its own (Certificates only), which replaces it.
 */
jest.setTimeout(90_000);

let fleet: LocalFleet;
let backend: Awaited<ReturnType<typeof startFleetBackend>>;

const rollouts = {
  group: 'argoproj.io',
  apiVersion: 'v1alpha1',
  plural: 'rollouts',
};
const certificates = {
  group: 'cert-manager.io',
  apiVersion: 'v1',
  plural: 'certificates',
};

beforeAll(async () => {
  fleet = await loadLocalFleet();
  const config = fleetConfig(fleet.clusters.map(cluster => ({ cluster })));
  const [method] = config.kubernetes.clusterLocatorMethods;
  backend = await startFleetBackend({
    features: [multiclusterPlugin],
    config: {
      ...config,
      kubernetes: {
        ...config.kubernetes,
        customResources: [rollouts, certificates],
        clusterLocatorMethods: [
          {
            ...method,
            clusters: method.clusters.map(c =>
              c.name === 'dev-eu'
                ? { ...c, customResources: [certificates] }
                : c,
            ),
          },
        ],
      },
    },
    entities: [serviceEntity('checkout')],
  });
  await backend.cache.start();
  await backend.cache.waitForSync(20_000);
});

afterAll(async () => {
  await backend?.stop();
});

async function checkoutView(): Promise<EntityView> {
  const res = await fetch(
    `${backend.apiUrl('multicluster')}/entities/component/default/checkout`,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as EntityView;
}

const cluster = (view: EntityView, name: string): ClusterView =>
  view.clusters.find(c => c.cluster.name === name)!;

const health = (c: ClusterView) =>
  (c.customResources ?? []).map(r => [
    r.kind,
    r.name,
    r.health.status,
    r.health.rule,
  ]);

describe('custom resources on the local fleet', () => {
  it('shows the broken Rollout and the failing Certificate in prod-us as Failed, each a problem', async () => {
    const prodUs = cluster(await checkoutView(), 'prod-us');
    expect(health(prodUs)).toEqual([
      ['Certificate', 'checkout-tls', 'Failed', 'cert-manager'],
      ['Rollout', 'checkout-canary', 'Failed', 'argo-rollouts'],
    ]);
    const rollout = prodUs.customResources!.find(r => r.kind === 'Rollout')!;
    expect(rollout).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1',
      namespace: 'shop',
      phase: 'Degraded',
      health: {
        reason: 'ProgressDeadlineExceeded',
        message: expect.stringContaining('has timed out progressing'),
      },
    });
    const certificate = prodUs.customResources!.find(
      r => r.kind === 'Certificate',
    )!;
    expect(certificate.health).toMatchObject({
      reason: 'DoesNotExist',
      message: 'Issuing certificate as Secret does not exist',
    });
    expect(
      prodUs.problems
        .filter(p => p.code === 'CustomResourceFailed')
        .map(p => [p.object, p.cluster, p.severity]),
    ).toEqual(
      expect.arrayContaining([
        [
          { kind: 'Rollout', namespace: 'shop', name: 'checkout-canary' },
          'prod-us',
          'error',
        ],
        [
          { kind: 'Certificate', namespace: 'shop', name: 'checkout-tls' },
          'prod-us',
          'error',
        ],
      ]),
    );
    expect(prodUs.health).toBe('error');
  });

  it("shows dev-eu's healthy Certificate as Current, and no Rollout: dev-eu's own list replaces the global one", async () => {
    const devEu = cluster(await checkoutView(), 'dev-eu');
    expect(health(devEu)).toEqual([
      ['Certificate', 'checkout-tls', 'Current', 'cert-manager'],
    ]);
    expect(
      devEu.problems.filter(p => p.code === 'CustomResourceFailed'),
    ).toEqual([]);
  });

  it('keeps the cache trimmed: no spec template or strategy, and only the kept status fields', () => {
    const [rollout] = backend.cache
      .get('prod-us')!
      .listByKubernetesId('customresources', 'checkout')
      .filter(r => r.kind === 'Rollout');
    expect(rollout.spec).toEqual({ replicas: 2 });
    expect(Object.keys(rollout.status ?? {}).sort()).toEqual([
      'conditions',
      'message',
      'observedGeneration',
      'phase',
    ]);
  });
});
