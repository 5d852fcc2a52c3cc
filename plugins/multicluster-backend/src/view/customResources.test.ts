import type { CacheReader } from '@kubeplatform/clusters-node';
import type { EntityQuery } from '../entities/entityQuery';
import { entityQuery } from '../entities/entityQuery';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { buildEntityView } from './buildEntityView';

const now = new Date('2026-11-30T12:00:00Z');
const labels = { 'backstage.io/kubernetes-id': 'checkout' };

const objects = {
  customresources: [
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'checkout-tls', namespace: 'shop', labels },
      status: {
        conditions: [{ type: 'Ready', status: 'True', reason: 'Ready' }],
      },
    },
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: {
        name: 'checkout-canary',
        namespace: 'shop',
        labels,
        generation: 2,
      },
      status: {
        observedGeneration: '2',
        phase: 'Degraded',
        message: 'RolloutAborted',
      },
    },
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: {
        name: 'search',
        namespace: 'discovery',
        labels: { 'backstage.io/kubernetes-id': 'search' },
      },
      status: { phase: 'Degraded' },
    },
  ],
};

const query = entityQuery({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
}) as EntityQuery;

describe('custom resources in the entity view', () => {
  it("shows the entity's own custom resources worst first, and a Failed one as a cluster problem", () => {
    const reader = inMemoryCacheReader(
      { name: 'prod-us' },
      objects,
    ) as unknown as CacheReader;
    const view = buildEntityView(
      'component:default/checkout',
      [reader],
      query,
      now,
    );
    const cluster = view.clusters[0];
    expect(
      cluster.customResources!.map(c => [c.kind, c.name, c.health.status]),
    ).toEqual([
      ['Rollout', 'checkout-canary', 'Failed'],
      ['Certificate', 'checkout-tls', 'Current'],
    ]);
    expect(cluster.problems).toEqual([
      expect.objectContaining({
        code: 'CustomResourceFailed',
        cluster: 'prod-us',
        object: { kind: 'Rollout', namespace: 'shop', name: 'checkout-canary' },
      }),
    ]);
    expect(cluster.health).toBe('error');
    expect(view.health).toBe('error');
  });
});
