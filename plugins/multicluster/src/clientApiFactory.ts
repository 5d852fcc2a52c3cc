import {
  ApiRef,
  createApiFactory,
  DiscoveryApi,
  discoveryApiRef,
  FetchApi,
  fetchApiRef,
} from '@backstage/core-plugin-api';

/**
 * The factory of a backend client made from the discovery and fetch APIs; the legacy plugin and
 * the `/alpha` plugin register the same three.
 */
export function clientApiFactory<T>(
  api: ApiRef<T>,
  Client: new (deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) => T,
) {
  return createApiFactory({
    api,
    deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
    factory: deps => new Client(deps),
  });
}
