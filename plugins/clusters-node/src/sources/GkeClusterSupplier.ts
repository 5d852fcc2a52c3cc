import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import path from 'node:path';
import { ClusterDefinition, ClusterSupplier } from '../types';

const AUTH_PROVIDER_ANNOTATION = 'kubernetes.io/auth-provider';

/**
 * The one call of Google's `ClusterManagerClient` (`@google-cloud/container` v1) that upstream's
 * locator makes: `projects.locations.clusters.list`.
 *
 * @public
 */
export interface GkeClusterManagerClient {
  listClusters(request: { parent: string }): Promise<
    [
      {
        clusters?: Array<{
          name?: string | null;
          endpoint?: string | null;
          resourceLabels?: Record<string, string> | null;
          masterAuth?: { clusterCaCertificate?: string | null } | null;
          controlPlaneEndpointsConfig?: {
            dnsEndpointConfig?: { endpoint?: string | null } | null;
          } | null;
        }> | null;
      },
      ...unknown[],
    ]
  >;
}

/** What upstream's GkeClusterLocator returns per cluster (its `ClusterDetails`). */
interface UpstreamGkeCluster {
  name: string;
  url: string;
  authMetadata: Record<string, string>;
  skipTLSVerify?: boolean;
  skipMetricsLookup?: boolean;
  dashboardApp?: string;
  dashboardParameters?: Record<string, unknown>;
}

interface UpstreamGkeLocator {
  refreshClusters(): Promise<void>;
  getClusters(): Promise<UpstreamGkeCluster[]>;
}

interface UpstreamGkeLocatorClass {
  fromConfig(config: Config, logger: LoggerService): UpstreamGkeLocator;
  fromConfigWithClient(
    config: Config,
    client: GkeClusterManagerClient,
    logger: LoggerService,
  ): UpstreamGkeLocator;
}

const UPSTREAM_PACKAGE = '@backstage/plugin-kubernetes-backend';

/**
 * Upstream's locator. `@backstage/plugin-kubernetes-backend` 0.21 ships it but does not export
 * it, so it is loaded by its file; a version that moves the file fails startup here, with this
 * message, and GkeClusterSupplier.test.ts fails first.
 */
function upstreamGkeClusterLocator(): UpstreamGkeLocatorClass {
  const file = `${UPSTREAM_PACKAGE}/dist/cluster-locator/GkeClusterLocator.cjs.js`;
  try {
    // Loaded on first use: Google's client library is large and only gke locators need it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file).GkeClusterLocator;
  } catch (error) {
    throw new Error(
      `The gke cluster locator reuses ${file}, which could not be loaded: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * Google's client as upstream's `GkeClusterLocator.fromConfig` creates it (application default
 * credentials), from the `@google-cloud/container` that upstream depends on.
 */
function googleClusterManagerClient(): GkeClusterManagerClient {
  const upstream = path.dirname(
    require.resolve(`${UPSTREAM_PACKAGE}/package.json`),
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const container = require(require.resolve('@google-cloud/container', {
    paths: [upstream],
  }));
  return new container.v1.ClusterManagerClient({
    libName: 'kubeplatform/clusters-node.GkeClusterSupplier',
  });
}

/**
 * Clusters of one `kubernetes.clusterLocatorMethods` entry of `type: gke`, listed by upstream's
 * `GkeClusterLocator` (the same options: `projectId`, `region`, `authProvider`, `skipTLSVerify`,
 * `skipMetricsLookup`, `exposeDashboard`, `matchingResourceLabels`, `endpointType`) and adapted
 * to a cluster supplier. Beyond upstream, each cluster gets the CA certificate Google returns
 * with it, so TLS verification works without `skipTLSVerify`. Google is asked again once
 * `kubeplatform.watchCache.clusterRefreshSeconds` (default 60) passed; a failure is thrown
 * until then, so the registry keeps the last clusters, marked stale.
 *
 * @public
 */
export class GkeClusterSupplier implements ClusterSupplier {
  readonly name: string;
  private cached?: {
    at: number;
    clusters?: ClusterDefinition[];
    error?: unknown;
  };
  private refreshing?: Promise<ClusterDefinition[]>;

  private constructor(
    private readonly locator: UpstreamGkeLocator,
    private readonly caByName: Map<string, string>,
    private readonly options: {
      projectId: string;
      region: string;
      logger: LoggerService;
      refreshIntervalMs: number;
    },
  ) {
    this.name = `gke:${options.projectId}/${options.region}`;
  }

  /**
   * One supplier per `type: gke` locator method. Bad options fail here, naming the key.
   * `client` replaces Google's client (tests); by default upstream creates it with the
   * application default credentials.
   */
  static fromConfig(
    rootConfig: Config,
    options: { logger: LoggerService; client?: GkeClusterManagerClient },
  ): GkeClusterSupplier[] {
    const methods =
      rootConfig.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ??
      [];
    const refreshIntervalMs =
      (rootConfig.getOptionalNumber(
        'kubeplatform.watchCache.clusterRefreshSeconds',
      ) ?? 60) * 1000;
    const suppliers: GkeClusterSupplier[] = [];
    methods.forEach((method, m) => {
      if (method.getString('type') !== 'gke') return;
      const key = `kubernetes.clusterLocatorMethods[${m}]`;
      const projectId = method.getString('projectId');
      const region = method.getOptionalString('region') ?? '-';
      const logger = options.logger.child({ clusterSource: `gke[${m}]` });
      const Locator = upstreamGkeClusterLocator();
      const caByName = new Map<string, string>();
      let locator: UpstreamGkeLocator;
      try {
        locator = Locator.fromConfigWithClient(
          method,
          recordingCas(
            options.client ?? googleClusterManagerClient(),
            caByName,
          ),
          logger,
        );
      } catch (error) {
        throw new Error(`${key}: ${(error as Error).message}`);
      }
      suppliers.push(
        new GkeClusterSupplier(locator, caByName, {
          projectId,
          region,
          logger,
          refreshIntervalMs,
        }),
      );
    });
    return suppliers;
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    const cached = this.cached;
    if (cached && Date.now() - cached.at < this.options.refreshIntervalMs) {
      if (cached.clusters) return cached.clusters;
      throw cached.error;
    }
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<ClusterDefinition[]> {
    try {
      await this.locator.refreshClusters();
      const clusters = (await this.locator.getClusters()).flatMap(c =>
        this.toDefinition(c),
      );
      this.cached = { at: Date.now(), clusters };
      return clusters;
    } catch (error) {
      this.cached = { at: Date.now(), error };
      throw error;
    }
  }

  private toDefinition(c: UpstreamGkeCluster): ClusterDefinition[] {
    // Google returns a cluster without an endpoint while it is being created; upstream lists
    // it with the URL `https://`, which cannot be watched.
    const url = URL.canParse(c.url) ? new URL(c.url) : undefined;
    if (!url?.hostname) {
      this.options.logger.debug(
        `GKE cluster '${c.name}' has no endpoint yet; it is listed once it has one`,
      );
      return [];
    }
    const caData = this.caByName.get(c.name);
    return [
      {
        name: c.name,
        url: c.url,
        source: 'gke',
        authProvider: c.authMetadata[AUTH_PROVIDER_ANNOTATION],
        authMetadata: { ...c.authMetadata },
        ...(caData && { caData }),
        skipTLSVerify: c.skipTLSVerify ?? false,
        ...(c.skipMetricsLookup && { skipMetricsLookup: true }),
        ...(c.dashboardApp && { dashboardApp: c.dashboardApp }),
        ...(c.dashboardParameters && {
          dashboardParameters: c.dashboardParameters,
        }),
      },
    ];
  }
}

/** Google's client, remembering the CA certificate of each listed cluster. */
function recordingCas(
  client: GkeClusterManagerClient,
  caByName: Map<string, string>,
): GkeClusterManagerClient {
  return {
    async listClusters(request) {
      const answer = await client.listClusters(request);
      caByName.clear();
      for (const cluster of answer[0].clusters ?? []) {
        const ca = cluster.masterAuth?.clusterCaCertificate;
        if (cluster.name && ca) caByName.set(cluster.name, ca);
      }
      return answer;
    },
  };
}
