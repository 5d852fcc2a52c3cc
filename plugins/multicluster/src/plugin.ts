import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { multiclusterApiFactories } from './apiFactories';
import { rootRouteRef } from './routes';

/**
 * The multi-cluster service view plugin, for the legacy frontend system.
 *
 * @public
 */
export const multiclusterPlugin = createPlugin({
  id: 'multicluster',
  apis: Object.values(multiclusterApiFactories),
  routes: { root: rootRouteRef },
});

/**
 * The entity overview card: the entity's state across every cluster, worst first.
 *
 * @public
 */
export const EntityMulticlusterCard = multiclusterPlugin.provide(
  createComponentExtension({
    name: 'EntityMulticlusterCard',
    component: {
      lazy: () =>
        import('./components/card/MulticlusterCard').then(
          m => m.MulticlusterCard,
        ),
    },
  }),
);

/**
 * The entity tab: the workload × cluster matrix with its drawer.
 *
 * @public
 */
export const EntityMulticlusterContent = multiclusterPlugin.provide(
  createRoutableExtension({
    name: 'EntityMulticlusterContent',
    component: () =>
      import('./components/content/MulticlusterContent').then(
        m => m.MulticlusterContent,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The entity tab content "Timeline": rollouts, scaling, restarts and config changes of the
 * entity's workloads across clusters.
 *
 * @public
 */
export const EntityMulticlusterTimelineContent = multiclusterPlugin.provide(
  createComponentExtension({
    name: 'EntityMulticlusterTimelineContent',
    component: {
      lazy: () =>
        import('./components/timeline/TimelineContent').then(
          m => m.TimelineContent,
        ),
    },
  }),
);

/**
 * The team card on group and user pages: every owned service, worst first.
 *
 * @public
 */
export const EntityOwnedServicesCard = multiclusterPlugin.provide(
  createComponentExtension({
    name: 'EntityOwnedServicesCard',
    component: {
      lazy: () =>
        import('./components/owner/OwnedServicesCard').then(
          m => m.OwnedServicesCard,
        ),
    },
  }),
);
