import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { DevenvClient, devenvApiRef } from './api';
import {
  KUBEPLATFORM_CLUSTER_PICKER,
  KubeplatformClusterPicker,
} from './components/picker/KubeplatformClusterPicker';
import {
  ENVIRONMENT_DOCUMENT_TYPE,
  WORKLOAD_DOCUMENT_TYPE,
} from './components/search/documents';
import { rootRouteRef } from './routes';

/**
 * Development environments, for the legacy frontend system.
 *
 * @public
 */
export const devenvPlugin = createPlugin({
  id: 'devenv',
  apis: [
    createApiFactory({
      api: devenvApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DevenvClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The Environments page: mine and my teams' environments.
 *
 * @public
 */
export const DevenvPage = devenvPlugin.provide(
  createRoutableExtension({
    name: 'DevenvPage',
    component: () =>
      import('./components/page/EnvironmentsPage').then(
        m => m.EnvironmentsPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The card for `dev-environment` Resources: live status, expiry, connect command, actions.
 *
 * @public
 */
export const EntityEnvironmentCard = devenvPlugin.provide(
  createComponentExtension({
    name: 'EntityEnvironmentCard',
    component: {
      lazy: () =>
        import('./components/card/EnvironmentCard').then(
          m => m.EnvironmentCard,
        ),
    },
  }),
);

/**
 * On a service's page: a card that opens the request-environment template with the name
 * prefilled (`kubeplatform.devenv.requestTemplatePath`, default
 * `/create/templates/default/request-dev-environment`).
 *
 * @public
 */
export const EntityRequestEnvironmentCard = devenvPlugin.provide(
  createComponentExtension({
    name: 'EntityRequestEnvironmentCard',
    component: {
      lazy: () =>
        import('./components/card/RequestEnvironmentCard').then(
          m => m.RequestEnvironmentCard,
        ),
    },
  }),
);

/**
 * The `KubeplatformClusterPicker` template field.
 *
 * @public
 */
export const KubeplatformClusterPickerFieldExtension = devenvPlugin.provide(
  createScaffolderFieldExtension({
    name: KUBEPLATFORM_CLUSTER_PICKER,
    component: KubeplatformClusterPicker,
  }),
);

/**
 * A search result item for one document type, with the component `load` exports as `name`,
 * fetched on first use.
 */
function provideSearchResultListItem<
  TName extends string,
  TComponent extends (props: any) => JSX.Element | null,
>(
  name: TName,
  documentType: string,
  load: () => Promise<Record<TName, TComponent>>,
) {
  return devenvPlugin.provide(
    createSearchResultListItemExtension({
      name,
      predicate: result => result.type === documentType,
      component: () => load().then(m => m[name]),
    }),
  );
}

/**
 * Search result item for `kubeplatform-workload` documents.
 *
 * @public
 */
export const WorkloadSearchResultListItem = provideSearchResultListItem(
  'WorkloadSearchResultListItem',
  WORKLOAD_DOCUMENT_TYPE,
  () => import('./components/search/WorkloadSearchResultListItem'),
);

/**
 * Search result item for `kubeplatform-environment` documents.
 *
 * @public
 */
export const EnvironmentSearchResultListItem = provideSearchResultListItem(
  'EnvironmentSearchResultListItem',
  ENVIRONMENT_DOCUMENT_TYPE,
  () => import('./components/search/EnvironmentSearchResultListItem'),
);
