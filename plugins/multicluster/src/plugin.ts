import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/** The multi-cluster service view plugin, for the legacy frontend system. */
export const multiclusterPlugin = createPlugin({
  id: 'multicluster',
  routes: { root: rootRouteRef },
});

/** The entity overview card: the entity's state across every cluster. */
export const EntityMulticlusterCard = multiclusterPlugin.provide(
  createComponentExtension({
    name: 'EntityMulticlusterCard',
    component: {
      lazy: () =>
        import('./components/MulticlusterCard').then(m => m.MulticlusterCard),
    },
  }),
);
