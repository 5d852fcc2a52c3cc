import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import { multiclusterOnFleetForAll } from './__testUtils__/startMulticlusterOnFleet';

/**
 * Upstream's serviceLocatorMethod, objectTypes and apiVersionOverrides against the real local
 * fleet (`yarn clusters up`): the view looks only where the locator says, and shows only what the
 * watch cache was told to watch, at the version it was told.
 */
jest.setTimeout(90_000);

const onFleet = multiclusterOnFleetForAll({
  kubernetes: {
    serviceLocatorMethod: { type: 'singleTenant' },
    // No jobs: search's failed Job search-reindex is not watched, so not shown.
    objectTypes: [
      'pods',
      'deployments',
      'replicasets',
      'horizontalpodautoscalers',
      'cronjobs',
    ],
    apiVersionOverrides: { horizontalpodautoscalers: 'v2' },
  },
  entities: [
    serviceEntity('checkout', {
      'backstage.io/kubernetes-id': 'checkout',
      'backstage.io/kubernetes-cluster': 'prod-us',
    }),
    serviceEntity('payments'),
    serviceEntity('search'),
  ],
});

describe('upstream keys on the local fleet', () => {
  it('singleTenant: an entity annotated backstage.io/kubernetes-cluster is looked for in that cluster only', async () => {
    const checkout = await onFleet.view('checkout');
    expect(checkout.clusters.map(c => c.cluster.name)).toEqual(['prod-us']);
    expect(checkout.clusters[0].workloads.map(w => w.name)).toContain(
      'checkout',
    );
    // The HPA, watched at the overridden (same) version, still raises its problem.
    expect(checkout.clusters[0].problems.map(p => p.code)).toContain(
      'HpaAtMaxReplicas',
    );
    const payments = await onFleet.view('payments');
    expect(payments.clusters.map(c => c.cluster.name).sort()).toEqual([
      'dev-eu',
      'prod-us',
    ]);
  });

  it('objectTypes: a type left out is neither watched nor shown', async () => {
    expect(onFleet.backend.cache.get('prod-us')!.list('jobs')).toEqual([]);
    expect(
      onFleet.backend.cache.get('prod-us')!.list('deployments').length,
    ).toBeGreaterThan(0);
    const search = await onFleet.view('search');
    const problems = search.clusters.flatMap(c => c.problems.map(p => p.code));
    expect(problems).not.toContain('JobFailed');
  });
});
