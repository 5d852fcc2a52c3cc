import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { LocalCluster, LocalFleet } from '@kubeplatform/local-clusters';
import { watchCacheServiceRef, WatchCache } from '@kubeplatform/clusters-node';
import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Server } from 'node:http';
import { multiclusterPlugin } from '../plugin';

export interface ClusterWiring {
  cluster: LocalCluster;
  token?: 'reader' | 'limited';
  /** Overrides the URL, e.g. a TcpProxy in front of the cluster. */
  url?: string;
  namespaces?: string[];
  /** Replaces the token; for bad-credential tests. */
  rawToken?: string;
  caData?: string;
}

/** The config `yarn clusters up` would generate, with fast retries for tests. */
export function fleetConfig(wirings: ClusterWiring[], extra: object = {}) {
  return {
    backend: { baseUrl: 'http://localhost:7007' },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: wirings.map(w => ({
            name: w.cluster.name,
            url: w.url ?? w.cluster.server,
            authProvider: 'serviceAccount',
            serviceAccountToken:
              w.rawToken ?? w.cluster.tokens[w.token ?? 'reader'],
            caData: w.caData ?? w.cluster.caData,
          })),
        },
      ],
    },
    kubeplatform: {
      clusters: wirings.map(w => ({
        name: w.cluster.name,
        title: w.cluster.title,
        region: w.cluster.region,
        environment: w.cluster.environment,
        ...(w.namespaces && { namespaces: w.namespaces }),
      })),
      watchCache: {
        requestTimeoutSeconds: 3,
        backoffBaseSeconds: 0.2,
        backoffMaxSeconds: 2,
        deniedRetrySeconds: 5,
        healthCheckSeconds: 1,
      },
      multicluster: { stream: { debounceMs: 100, maxWaitMs: 500 } },
      ...extra,
    },
  };
}

export function serviceEntity(
  name: string,
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: annotations ?? { 'backstage.io/kubernetes-id': name },
    },
    spec: {
      type: 'service',
      owner: 'group:default/team-shop',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-shop' }],
  };
}

/** Starts the plugin in a test backend wired to real local clusters; exposes the watch cache. */
export async function startFleetBackend(options: {
  config: object;
  entities: Entity[];
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}): Promise<{
  server: Server;
  baseUrl: string;
  cache: WatchCache;
  stop(): Promise<void>;
}> {
  let cache: WatchCache | undefined;
  const grabCache = createBackendModule({
    pluginId: 'multicluster',
    moduleId: 'test-cache-probe',
    register(env) {
      env.registerInit({
        deps: { watchCache: watchCacheServiceRef },
        async init({ watchCache }) {
          cache = watchCache;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      multiclusterPlugin,
      grabCache,
      mockServices.rootConfig.factory({ data: options.config }),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  return {
    server: backend.server,
    baseUrl: `http://127.0.0.1:${port}/api/multicluster`,
    cache: cache!,
    stop: () => backend.stop(),
  };
}

export function findCluster(fleet: LocalFleet, name: string) {
  return fleet.cluster(name);
}
