import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import ViewListIcon from '@material-ui/icons/ViewList';
import { DevenvClient, devenvApiRef } from './api';
import { isEnvironmentEntity } from './components/card/environmentAddress';
import {
  ENVIRONMENT_DOCUMENT_TYPE,
  WORKLOAD_DOCUMENT_TYPE,
} from './components/search/documents';
import { rootRouteRef } from './routes';

/**
 * The client for the devenv backend.
 *
 * @alpha
 */
export const devenvApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: devenvApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DevenvClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Environments page at /devenv, with a sidebar item.
 *
 * @alpha
 */
export const devenvPage = PageBlueprint.make({
  params: {
    path: '/devenv',
    title: 'Environments',
    icon: <CloudQueueIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/page/EnvironmentsPage').then(m => (
        <m.EnvironmentsPage />
      )),
  },
});

/**
 * The card on `dev-environment` Resource pages.
 *
 * @alpha
 */
export const entityEnvironmentCard = EntityCardBlueprint.make({
  name: 'environment',
  params: {
    filter: isEnvironmentEntity,
    loader: () =>
      import('./components/card/EnvironmentCard').then(m => (
        <m.EnvironmentCard />
      )),
  },
});

/**
 * On Component pages: a card that opens the request-environment template with the name
 * prefilled.
 *
 * @alpha
 */
export const entityRequestEnvironmentCard = EntityCardBlueprint.make({
  name: 'request-environment',
  params: {
    filter: 'kind:component',
    loader: () =>
      import('./components/card/RequestEnvironmentCard').then(m => (
        <m.RequestEnvironmentCard />
      )),
  },
});

/**
 * The `KubeplatformClusterPicker` template field.
 *
 * @alpha
 */
export const clusterPickerField = FormFieldBlueprint.make({
  name: 'cluster-picker',
  params: {
    field: () =>
      import('./components/picker/clusterPickerFormField').then(
        m => m.clusterPickerFormField,
      ),
  },
});

/** @alpha */
export const workloadSearchResultListItem = SearchResultListItemBlueprint.make({
  name: 'workload',
  params: {
    predicate: result => result.type === WORKLOAD_DOCUMENT_TYPE,
    icon: <ViewListIcon />,
    component: () =>
      import('./components/search/WorkloadSearchResultListItem').then(
        m => m.WorkloadSearchResultListItem,
      ),
  },
});

/** @alpha */
export const environmentSearchResultListItem =
  SearchResultListItemBlueprint.make({
    name: 'environment',
    params: {
      predicate: result => result.type === ENVIRONMENT_DOCUMENT_TYPE,
      icon: <CloudQueueIcon />,
      component: () =>
        import('./components/search/EnvironmentSearchResultListItem').then(
          m => m.EnvironmentSearchResultListItem,
        ),
    },
  });

/**
 * "Workloads" and "Environments" in the search page's result type filter.
 *
 * @alpha
 */
export const workloadSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'workload',
  params: {
    value: WORKLOAD_DOCUMENT_TYPE,
    name: 'Workloads',
    icon: <ViewListIcon />,
  },
});

/** @alpha */
export const environmentSearchResultType = SearchFilterResultTypeBlueprint.make(
  {
    name: 'environment',
    params: {
      value: ENVIRONMENT_DOCUMENT_TYPE,
      name: 'Environments',
      icon: <CloudQueueIcon />,
    },
  },
);

/** Development environments, for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'devenv',
  extensions: [
    devenvApi,
    devenvPage,
    entityEnvironmentCard,
    entityRequestEnvironmentCard,
    clusterPickerField,
    workloadSearchResultListItem,
    environmentSearchResultListItem,
    workloadSearchResultType,
    environmentSearchResultType,
  ],
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
});
