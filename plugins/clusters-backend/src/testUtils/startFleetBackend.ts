import {
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ClustersService,
  clustersServiceRef,
  WatchCache,
  watchCacheServiceRef,
} from '@kubeplatform/clusters-node';
import type { Server } from 'node:http';
import { clustersPlugin } from '../plugin';
import { TestEntity } from './entities';
import { serviceProbe } from './serviceProbe';

type PermissionResult = NonNullable<
  Parameters<typeof mockServices.permissions>[0]
>['result'];

/** @public */
export interface FleetBackendOptions {
  /** Root config, usually `fleetConfig(...)`. */
  config: object;
  /** The in-memory catalog's entities. */
  entities?: TestEntity[];
  /** Replaces the in-memory catalog, e.g. with one that fails on demand. */
  catalog?: CatalogService;
  /** Every permission check answers this; ALLOW by default. */
  permission?: PermissionResult;
  /** The plugins under test, modules, and service factories that replace the defaults. */
  features?: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
}

/** @public */
export interface FleetBackend {
  server: Server;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** `http://127.0.0.1:<port>/api/<pluginId>`. */
  apiUrl(pluginId: string): string;
  /** The backend's watch cache; the clusters plugin has started it. */
  cache: WatchCache;
  /** The backend's read-only clusters service. */
  clusters: ClustersService;
  stop(): Promise<void>;
}

/**
 * For tests: a backend with the clusters plugin against real clusters (the local fleet of
 * `yarn clusters up`), an in-memory catalog, permissions that answer one way, and the plugins
 * under test given in `features`.
 *
 * @public
 */
export async function startFleetBackend(
  options: FleetBackendOptions,
): Promise<FleetBackend> {
  const probe = serviceProbe('clusters', {
    cache: watchCacheServiceRef,
    clusters: clustersServiceRef,
  });
  const backend = await startTestBackend({
    features: [
      clustersPlugin,
      probe.feature,
      mockServices.rootConfig.factory({ data: options.config }),
      options.catalog
        ? createServiceFactory({
            service: catalogServiceRef,
            deps: {},
            factory: () => options.catalog!,
          })
        : catalogServiceMock.factory({ entities: options.entities ?? [] }),
      options.permission
        ? mockServices.permissions.factory({ result: options.permission })
        : createServiceFactory({
            service: coreServices.permissions,
            deps: {},
            factory: () => mockServices.permissions(),
          }),
      ...(options.features ?? []),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  const { cache, clusters } = probe.services();
  return {
    server: backend.server,
    baseUrl,
    apiUrl: pluginId => `${baseUrl}/api/${pluginId}`,
    cache,
    clusters,
    stop: () => backend.stop(),
  };
}
