import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { builtInAuthStrategies } from './registry/builtInAuthStrategies';
import {
  ClustersRegistry,
  ClustersRegistryOptions,
} from './registry/ClustersRegistry';
import { configuredClusterSuppliers } from './registry/configuredClusterSuppliers';
import {
  gatherClusters,
  GatheredDefinitions,
  LastAnswers,
} from './registry/gatherClusters';
import {
  ClusterMetadata,
  readClusterMetadata,
} from './sources/readClusterMetadata';
import {
  CREDENTIAL_PROVIDERS,
  CREDENTIAL_URLS_KEY,
} from './sources/credentialUrls';
import { clusterAuthMode } from './auth/clusterAuthMode';
import {
  authModeOf,
  viewerCredentialSource,
  ViewerRequestAuth,
} from './auth/authMode';
import {
  ClusterAuthStrategy,
  ClusterCredential,
  ClusterDefinition,
  ClusterDetails,
  GatheredClusters,
} from './types';

/**
 * The registry of clusters: merges every supplier, applies `kubeplatform.clusters` metadata, and
 * turns a cluster plus its auth strategy into a KubeConfig. Reads wait until it is configured.
 *
 * @public
 */
export class DefaultClustersService implements ClustersRegistry {
  private options?: ClustersRegistryOptions;
  private readonly ready: Promise<ClustersRegistryOptions>;
  private resolveReady!: (options: ClustersRegistryOptions) => void;
  private readonly lastAnswers: LastAnswers = new Map();
  private readonly failingSources = new Set<string>();
  private readonly warnedDuplicates = new Set<string>();

  private constructor(
    private readonly metadata: Map<string, ClusterMetadata>,
    private readonly logger: LoggerService,
    /** Upstream's `kubernetes.clusterLocatorContinueOnError` (see gatherClusters). */
    private readonly continueOnError?: boolean,
  ) {
    this.ready = new Promise(resolve => {
      this.resolveReady = resolve;
    });
  }

  /**
   * A registry configured with the defaults: clusters from config and the kubeconfig file, the
   * built-in auth strategies. For scripts and tests that run without a backend.
   */
  static fromConfig(
    config: Config,
    logger: LoggerService,
  ): DefaultClustersService {
    const service = DefaultClustersService.awaitingConfiguration(
      config,
      logger,
    );
    service.configure({
      suppliers: configuredClusterSuppliers(config, { logger }),
      authStrategies: builtInAuthStrategies({ config, logger }),
    });
    return service;
  }

  /** A registry whose reads wait for `configure`, as the clusters plugin does at init. */
  static awaitingConfiguration(
    config: Config,
    logger: LoggerService,
  ): DefaultClustersService {
    return new DefaultClustersService(
      readClusterMetadata(config),
      logger,
      config.getOptionalBoolean('kubernetes.clusterLocatorContinueOnError'),
    );
  }

  configure(options: ClustersRegistryOptions): void {
    if (this.options) {
      throw new Error(
        'The clusters registry is already configured; only the clusters plugin (@kubeplatform/plugin-clusters-backend) configures it, once per backend',
      );
    }
    this.options = {
      suppliers: [...options.suppliers],
      authStrategies: new Map(options.authStrategies),
    };
    this.resolveReady(this.options);
  }

  isConfigured(): boolean {
    return this.options !== undefined;
  }

  async listClusters(): Promise<ClusterDetails[]> {
    const { authStrategies } = await this.ready;
    return (await this.listDefinitions()).map(c =>
      toDetails(c, authStrategies),
    );
  }

  async gatherClusters(): Promise<GatheredClusters> {
    const { authStrategies } = await this.ready;
    const { clusters, errors } = await this.gatherDefinitions();
    return {
      clusters: clusters.map(c => toDetails(c, authStrategies)),
      errors,
    };
  }

  async getCluster(name: string): Promise<ClusterDetails | undefined> {
    const { authStrategies } = await this.ready;
    const found = (await this.listDefinitions()).find(c => c.name === name);
    return found && toDetails(found, authStrategies);
  }

  /** Every cluster with its connection settings. Server-side only: holds secrets. */
  async listDefinitions(): Promise<ClusterDefinition[]> {
    return (await this.gatherDefinitions()).clusters;
  }

  async getDefinition(name: string): Promise<ClusterDefinition> {
    const found = (await this.listDefinitions()).find(c => c.name === name);
    if (!found) throw new NotFoundError(`Unknown cluster '${name}'`);
    return found;
  }

  async getKubeConfig(name: string): Promise<KubeConfig> {
    return this.kubeConfigFor(await this.getDefinition(name));
  }

  async kubeConfigFor(cluster: ClusterDefinition): Promise<KubeConfig> {
    // Whoever registered a catalog entity chose its URL: no credential of the backend's goes
    // there unless credentialUrls lists it. A built-in provider that always has one is refused
    // before its strategy is asked (no STS AssumeRole of a role the entity names).
    const untrusted = isUntrustedCatalogCluster(cluster);
    if (
      untrusted &&
      (cluster.kubeConfig || CREDENTIAL_PROVIDERS.has(cluster.authProvider))
    ) {
      throw notTrustedWithCredentials(cluster, 'backend');
    }
    if (cluster.kubeConfig) return cluster.kubeConfig;
    const strategy = await this.strategyFor(cluster);
    // A user-level cluster is read by the shared cache with its configured service credential.
    if (authModeOf(strategy) === 'user' && cluster.cacheCredential) {
      if (untrusted) throw notTrustedWithCredentials(cluster, 'backend');
      const { authProvider, authMetadata } = cluster.cacheCredential;
      const cacheCluster = { ...cluster, authProvider, authMetadata };
      const cacheStrategy = await this.strategyFor(cacheCluster);
      if (authModeOf(cacheStrategy) !== 'service') {
        throw new Error(
          `cluster '${cluster.name}': kubeplatform.clusters[].cacheCredential.authProvider '${authProvider}' is user-level; the watch cache needs a service-level one`,
        );
      }
      return kubeConfigWith(
        cluster,
        await cacheStrategy.getCredential(cacheCluster),
      );
    }
    const credential = await strategy.getCredential(cluster);
    // Any other strategy may reach an untrusted catalog cluster only with no credential at all.
    if (untrusted && credential.type !== 'anonymous') {
      throw notTrustedWithCredentials(cluster, 'backend');
    }
    return kubeConfigWith(cluster, credential);
  }

  /**
   * For a user-level cluster: a KubeConfig with the viewer's own credential, computed from the
   * auth their request carries by the cluster's strategy (upstream's, for `oidc`, `google`,
   * `aks`). Undefined for a service-level cluster. Throws when the request carries no usable
   * token for the cluster; the message names the provider, never a token.
   */
  async getViewerKubeConfig(
    name: string,
    requestAuth: ViewerRequestAuth,
  ): Promise<KubeConfig | undefined> {
    const cluster = await this.getDefinition(name);
    if (cluster.kubeConfig) return undefined;
    const strategy = await this.strategyFor(cluster);
    if (authModeOf(strategy) !== 'user') return undefined;
    if (isUntrustedCatalogCluster(cluster)) {
      // Whoever registered the entity chose its URL: a viewer's token could be stolen there.
      throw notTrustedWithCredentials(cluster, 'viewer');
    }
    const source = viewerCredentialSource(strategy);
    const missing = () =>
      new Error(
        `no ${describeViewerProvider(cluster)} token was sent for cluster '${
          cluster.name
        }'; sign in with that provider to see it`,
      );
    if (!source) throw missing();
    let credential: ClusterCredential;
    try {
      credential = await source(cluster, requestAuth);
    } catch {
      // Upstream's messages speak of a request body; ours names the provider only.
      throw missing();
    }
    if (credential.type === 'anonymous') throw missing();
    return kubeConfigWith(cluster, credential);
  }

  private async strategyFor(
    cluster: ClusterDefinition,
  ): Promise<ClusterAuthStrategy> {
    const { authStrategies } = await this.ready;
    const strategy = authStrategies.get(cluster.authProvider);
    if (!strategy) {
      throw new Error(
        `cluster '${cluster.name}' uses authProvider '${cluster.authProvider}', for which no auth strategy is installed`,
      );
    }
    const problems = strategy.validateCluster(cluster.authMetadata);
    if (problems.length) {
      throw new Error(
        `cluster '${cluster.name}' is misconfigured: ${problems
          .map(p => p.message)
          .join(', ')}`,
      );
    }
    return strategy;
  }

  private async gatherDefinitions(): Promise<GatheredDefinitions> {
    const { suppliers } = await this.ready;
    const gathered = await gatherClusters(suppliers, this.lastAnswers, {
      continueOnError: this.continueOnError,
    });
    this.logSourceChanges(gathered);
    gathered.duplicates.forEach(d => this.warnDuplicate(d));
    return {
      ...gathered,
      clusters: gathered.clusters.map(c => this.withMetadata(c)),
    };
  }

  /** Logs a source when it starts failing and when it answers again, not on every read. */
  private logSourceChanges({ errors }: GatheredDefinitions) {
    const failing = new Set(errors.map(e => e.source));
    for (const error of errors) {
      if (this.failingSources.has(error.source)) continue;
      this.failingSources.add(error.source);
      this.logger.warn(
        `Cluster source '${error.source}' failed: ${error.message}; ${
          error.staleClusters.length
            ? `clusters served marked stale: ${error.staleClusters.join(', ')}`
            : 'it supplied no clusters before'
        }`,
      );
    }
    for (const source of this.failingSources) {
      if (failing.has(source)) continue;
      this.failingSources.delete(source);
      this.logger.info(`Cluster source '${source}' answers again`);
    }
  }

  private withMetadata(cluster: ClusterDefinition): ClusterDefinition {
    const meta = this.metadata.get(cluster.name);
    if (!meta) return cluster;
    return {
      ...cluster,
      title: meta.title ?? cluster.title,
      region: meta.region ?? cluster.region,
      environment: meta.environment ?? cluster.environment,
      namespaces: meta.namespaces ?? cluster.namespaces,
      dashboardUrl: meta.dashboardUrl ?? cluster.dashboardUrl,
      cacheCredential: meta.cacheCredential ?? cluster.cacheCredential,
    };
  }

  private warnDuplicate(cluster: ClusterDefinition) {
    if (this.warnedDuplicates.has(cluster.name)) return;
    this.warnedDuplicates.add(cluster.name);
    this.logger.warn(
      `Cluster '${cluster.name}' from source '${cluster.source}' is ignored: a cluster with that name was already defined`,
    );
  }
}

/** A catalog cluster whose origin the catalog locator's credentialUrls does not list. */
function isUntrustedCatalogCluster(cluster: ClusterDefinition): boolean {
  return cluster.source === 'catalog' && cluster.credentialsTrusted !== true;
}

/** Why no credential was sent; the cluster is shown as unauthorized with it. Names no secret. */
function notTrustedWithCredentials(
  cluster: ClusterDefinition,
  whose: 'backend' | 'viewer',
): Error {
  const what =
    whose === 'viewer'
      ? 'your token was not sent'
      : `the backend's credential (authProvider '${cluster.authProvider}') was not sent`;
  return new Error(
    `cluster '${cluster.name}' comes from the catalog, and its API server is not trusted with credentials, so ${what}; a platform engineer may trust it by listing its origin in ${CREDENTIAL_URLS_KEY}`,
  );
}

function toDetails(
  c: ClusterDefinition,
  authStrategies: ReadonlyMap<string, ClusterAuthStrategy>,
): ClusterDetails {
  const authMode = clusterAuthMode(c, authStrategies);
  return {
    name: c.name,
    title: c.title,
    region: c.region,
    environment: c.environment,
    dashboardUrl: c.dashboardUrl,
    ...(c.dashboardApp && { dashboardApp: c.dashboardApp }),
    ...(c.dashboardParameters && {
      dashboardParameters: c.dashboardParameters,
    }),
    url: c.url,
    source: c.source,
    namespaces: c.namespaces,
    ...(c.customResources && { customResources: c.customResources }),
    ...(c.skipMetricsLookup && { skipMetricsLookup: true }),
    ...(authMode && { authMode }),
    ...(authMode === 'user' && viewerProviderOf(c)),
  };
}

/** Which of the viewer's sessions a user-level cluster needs: provider names, never tokens. */
function viewerProviderOf(
  c: ClusterDefinition,
): Pick<ClusterDetails, 'authProvider' | 'oidcTokenProvider'> {
  const oidcTokenProvider = c.authMetadata['kubernetes.io/oidc-token-provider'];
  return {
    authProvider: c.authProvider,
    ...(c.authProvider === 'oidc' &&
      oidcTokenProvider && { oidcTokenProvider }),
  };
}

/** How the viewer's provider is named in messages, e.g. `oidc (okta)`. */
function describeViewerProvider(cluster: ClusterDefinition): string {
  const oidcProvider =
    cluster.authMetadata['kubernetes.io/oidc-token-provider'];
  return cluster.authProvider === 'oidc' && oidcProvider
    ? `oidc (${oidcProvider})`
    : cluster.authProvider;
}

function kubeConfigWith(
  cluster: ClusterDefinition,
  credential: ClusterCredential,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        ...pinnedServer(cluster),
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify ?? false,
      },
    ],
    users: [
      {
        name: 'backstage',
        ...(credential.type === 'bearer token' && {
          token: credential.token,
        }),
        ...(credential.type === 'x509 client certificate' && {
          certData: Buffer.from(credential.cert).toString('base64'),
          keyData: Buffer.from(credential.key).toString('base64'),
        }),
      },
    ],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'backstage' },
    ],
    currentContext: cluster.name,
  });
  return kc;
}

/**
 * The server of a cluster's KubeConfig: its URL, or, for a cluster pinned to the address that
 * passed the SSRF check, that address with the URL's host name kept for TLS verification.
 */
function pinnedServer(cluster: ClusterDefinition): {
  server: string;
  tlsServerName?: string;
} {
  if (!cluster.connectAddress) return { server: cluster.url };
  const url = new URL(cluster.url);
  const hostname = url.hostname;
  url.hostname = cluster.connectAddress.includes(':')
    ? `[${cluster.connectAddress}]`
    : cluster.connectAddress;
  return {
    server: url.toString().replace(/\/$/, ''),
    tlsServerName: hostname,
  };
}
