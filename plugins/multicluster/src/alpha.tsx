import {
  ApiBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { Entity } from '@backstage/catalog-model';
import { multiclusterApiFactories } from './apiFactories';
import { isMulticlusterAvailable } from './isMulticlusterAvailable';
import { rootRouteRef } from './routes';

/**
 * The client for the multicluster backend.
 *
 * @alpha
 */
export const multiclusterApi = ApiBlueprint.make({
  params: defineParams => defineParams(multiclusterApiFactories.view),
});

/**
 * The client for restart, scale and delete pod.
 *
 * @alpha
 */
export const multiclusterActionsApi = ApiBlueprint.make({
  name: 'actions',
  params: defineParams => defineParams(multiclusterApiFactories.actions),
});

/**
 * The client for the change timeline.
 *
 * @alpha
 */
export const multiclusterTimelineApi = ApiBlueprint.make({
  name: 'timeline',
  params: defineParams => defineParams(multiclusterApiFactories.timeline),
});

/**
 * The overview card on entity pages that carry Kubernetes annotations.
 *
 * @alpha
 */
export const entityMulticlusterCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: isMulticlusterAvailable,
    loader: () =>
      import('./components/card/MulticlusterCard').then(m => (
        <m.MulticlusterCard />
      )),
  },
});

/**
 * The "Clusters" tab: the workload × cluster matrix.
 *
 * @alpha
 */
export const entityMulticlusterContent = EntityContentBlueprint.make({
  name: 'clusters',
  params: {
    path: '/kubernetes-multicluster',
    title: 'Clusters',
    group: 'deployment',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    filter: isMulticlusterAvailable,
    loader: () =>
      import('./components/content/MulticlusterContent').then(m => (
        <m.MulticlusterContent />
      )),
  },
});

/**
 * The "Timeline" tab: what changed in the service, where, and when.
 *
 * @alpha
 */
export const entityMulticlusterTimelineContent = EntityContentBlueprint.make({
  name: 'timeline',
  params: {
    path: '/kubernetes-timeline',
    title: 'Timeline',
    group: 'deployment',
    filter: isMulticlusterAvailable,
    loader: () =>
      import('./components/timeline/TimelineContent').then(m => (
        <m.TimelineContent />
      )),
  },
});

const isOwner = (entity: Entity) =>
  ['group', 'user'].includes(entity.kind.toLocaleLowerCase('en-US'));

/**
 * The team card on group and user pages.
 *
 * @alpha
 */
export const entityOwnedServicesCard = EntityCardBlueprint.make({
  name: 'owned-services',
  params: {
    filter: isOwner,
    loader: () =>
      import('./components/owner/OwnedServicesCard').then(m => (
        <m.OwnedServicesCard />
      )),
  },
});

/** The multi-cluster service view plugin, for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'multicluster',
  extensions: [
    multiclusterApi,
    multiclusterActionsApi,
    multiclusterTimelineApi,
    entityMulticlusterCard,
    entityMulticlusterContent,
    entityMulticlusterTimelineContent,
    entityOwnedServicesCard,
  ],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
