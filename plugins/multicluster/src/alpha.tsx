import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isMulticlusterAvailable } from './isMulticlusterAvailable';
import { rootRouteRef } from './routes';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';

/** The overview card on entity pages that carry Kubernetes annotations. */
export const entityMulticlusterCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: isMulticlusterAvailable,
    loader: () =>
      import('./components/MulticlusterCard').then(m => <m.MulticlusterCard />),
  },
});

/** The multi-cluster service view plugin, for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'multicluster',
  extensions: [entityMulticlusterCard],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
