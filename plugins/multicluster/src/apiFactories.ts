import {
  ApiRef,
  createApiFactory,
  DiscoveryApi,
  discoveryApiRef,
  FetchApi,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  MulticlusterActionsClient,
  multiclusterActionsApiRef,
  MulticlusterClient,
  multiclusterApiRef,
  MulticlusterTimelineClient,
  multiclusterTimelineApiRef,
} from './api';

/** The factory of a backend client made from the discovery and fetch APIs. */
function clientApiFactory<T>(
  api: ApiRef<T>,
  Client: new (deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) => T,
) {
  return createApiFactory({
    api,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: deps => new Client(deps),
  });
}

/** The backend clients; the legacy plugin and the `/alpha` plugin register the same ones. */
export const multiclusterApiFactories = {
  view: clientApiFactory(multiclusterApiRef, MulticlusterClient),
  actions: clientApiFactory(
    multiclusterActionsApiRef,
    MulticlusterActionsClient,
  ),
  timeline: clientApiFactory(
    multiclusterTimelineApiRef,
    MulticlusterTimelineClient,
  ),
};
