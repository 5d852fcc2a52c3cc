import type { ClusterView, EntityView } from '@kubeplatform/clusters-common';
import captured from './checkout.entity-view.json';

/**
 * checkout's view as the multicluster backend answered it for the seeded demo fleet
 * (GET /api/multicluster/entities/component/default/checkout): Deployment shop/checkout in
 * dev-eu (1.5.0, warning) and prod-us (1.4.2, error).
 */
export const checkoutView = captured as EntityView;

/** The same view when one cluster cannot be reached: its workloads are missing. */
export function withUnreachable(view: EntityView, cluster: string): EntityView {
  return {
    ...view,
    incomplete: true,
    clusters: view.clusters.map(
      (c): ClusterView =>
        c.cluster.name === cluster
          ? {
              ...c,
              sync: {
                state: 'unreachable',
                reason: 'connect ECONNREFUSED 127.0.0.1:16444',
              },
              workloads: [],
              problems: [],
              health: 'unknown',
            }
          : c,
    ),
  };
}

/** A view for an entity whose workloads run nowhere. */
export function emptyView(entityRef: string): EntityView {
  return {
    ...checkoutView,
    entityRef,
    clusters: checkoutView.clusters.map(c => ({
      ...c,
      workloads: [],
      problems: [],
      health: 'unknown',
    })),
  };
}
