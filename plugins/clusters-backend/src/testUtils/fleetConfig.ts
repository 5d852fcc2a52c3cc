import type { FleetCluster } from './FleetCluster';

/**
 * How a test reaches one cluster of the local fleet.
 *
 * @public
 */
export interface ClusterWiring {
  cluster: FleetCluster;
  /** The service account to act as; `reader` by default. */
  token?: keyof FleetCluster['tokens'];
  /** Overrides the URL, e.g. a TcpProxy in front of the cluster. */
  url?: string;
  namespaces?: string[];
  /** Replaces the token; for bad-credential tests. */
  rawToken?: string;
  caData?: string;
  /**
   * An authProvider other than `serviceAccount`, served by an auth strategy a test module
   * installs on the clusters plugin; no token is put into config then.
   */
  authProvider?: string;
}

/**
 * The config `yarn clusters up` would generate for these clusters, with fast retries for tests.
 * `extra` is merged into `kubeplatform`.
 *
 * @public
 */
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
            caData: w.caData ?? w.cluster.caData,
            ...(w.authProvider && w.authProvider !== 'serviceAccount'
              ? { authProvider: w.authProvider }
              : {
                  authProvider: 'serviceAccount',
                  serviceAccountToken:
                    w.rawToken ?? w.cluster.tokens[w.token ?? 'reader'],
                }),
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
