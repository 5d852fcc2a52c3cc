import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ClusterDefinition, ClusterSupplier } from '../types';
import {
  checkClusterApiServer,
  CheckedApiServer,
} from './validateClusterApiServerUrl';
import { ViewerTokenUrls } from './viewerTokenUrls';

const API_SERVER = 'kubernetes.io/api-server';
const API_SERVER_CA = 'kubernetes.io/api-server-certificate-authority';
const AUTH_PROVIDER = 'kubernetes.io/auth-provider';
const SKIP_TLS_VERIFY = 'kubernetes.io/skip-tls-verify';
const DASHBOARD_URL = 'kubernetes.io/dashboard-url';
const DASHBOARD_APP = 'kubernetes.io/dashboard-app';
/** `ANNOTATION_KUBERNETES_SKIP_METRICS_LOOKUP` of @backstage/plugin-kubernetes-common. */
const SKIP_METRICS_LOOKUP = 'kubernetes.io/skip-metrics-lookup';
/** The built-in user-level providers, whose clusters are sent viewers' own tokens. */
const USER_LEVEL_PROVIDERS = new Set(['oidc', 'google', 'aks']);
const DEFAULT_LOCATOR_KEY = 'kubernetes.clusterLocatorMethods[type=catalog]';

/**
 * Clusters from catalog `Resource` entities of type `kubernetes-cluster`, enabled by a
 * `kubernetes.clusterLocatorMethods` entry of `type: catalog`. Rules follow upstream: the
 * `serviceAccount` provider is refused (a token must not live in the catalog), private and
 * metadata URLs are refused unless allow-listed, and skip-TLS needs an explicit opt-in. Unlike
 * upstream, viewers' own tokens (user-level providers) go only to catalog clusters whose URL the
 * locator's `viewerTokenUrls` lists: the entity's author chooses the URL.
 *
 * @public
 */
export class CatalogClusterSupplier implements ClusterSupplier {
  readonly name = 'catalog';
  private cached?: { at: number; clusters: ClusterDefinition[] };
  private readonly viewerTokenUrls: ViewerTokenUrls;
  private readonly locatorKey: string;
  private readonly warnedUntrusted = new Set<string>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      dangerouslyAllowClusterUrls?: string[];
      dangerouslyAllowSkipTLSVerify?: boolean;
      /**
       * HTTPS origins (`https://host[:port]`, host may be `*.domain`) of catalog clusters that
       * may be sent viewers' own tokens. Throws on an entry that is not one.
       */
      viewerTokenUrls?: string[];
      /** The locator's config key, for messages, e.g. `kubernetes.clusterLocatorMethods[1]`. */
      locatorKey?: string;
      refreshIntervalMs?: number;
    },
  ) {
    this.locatorKey = options.locatorKey ?? DEFAULT_LOCATOR_KEY;
    this.viewerTokenUrls = ViewerTokenUrls.parse(
      options.viewerTokenUrls,
      `${this.locatorKey}.viewerTokenUrls`,
    );
  }

  /**
   * The supplier for the first `type: catalog` locator method, if any is configured. The catalog
   * is asked again once `kubeplatform.watchCache.clusterRefreshSeconds` (default 60) passed.
   */
  static fromConfig(
    rootConfig: Config,
    deps: { catalog: CatalogService; auth: AuthService; logger: LoggerService },
  ): CatalogClusterSupplier | undefined {
    const methods =
      rootConfig.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ??
      [];
    const index = methods.findIndex(m => m.getString('type') === 'catalog');
    if (index < 0) return undefined;
    const method = methods[index];
    return new CatalogClusterSupplier({
      ...deps,
      locatorKey: `kubernetes.clusterLocatorMethods[${index}]`,
      viewerTokenUrls: method.getOptionalStringArray('viewerTokenUrls'),
      dangerouslyAllowClusterUrls: method.getOptionalStringArray(
        'dangerouslyAllowClusterUrls',
      ),
      dangerouslyAllowSkipTLSVerify: method.getOptionalBoolean(
        'dangerouslyAllowSkipTLSVerify',
      ),
      refreshIntervalMs:
        (rootConfig.getOptionalNumber(
          'kubeplatform.watchCache.clusterRefreshSeconds',
        ) ?? 60) * 1000,
    });
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    const interval = this.options.refreshIntervalMs ?? 60_000;
    if (this.cached && Date.now() - this.cached.at < interval) {
      return this.cached.clusters;
    }
    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': 'kubernetes-cluster',
          [`metadata.annotations.${API_SERVER}`]: CATALOG_FILTER_EXISTS,
          [`metadata.annotations.${API_SERVER_CA}`]: CATALOG_FILTER_EXISTS,
          [`metadata.annotations.${AUTH_PROVIDER}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const clusters: ClusterDefinition[] = [];
    for (const entity of items) {
      const cluster = await this.toCluster(entity);
      if (cluster) clusters.push(cluster);
    }
    this.cached = { at: Date.now(), clusters };
    return clusters;
  }

  private async toCluster(
    entity: Entity,
  ): Promise<ClusterDefinition | undefined> {
    const name = entity.metadata.name;
    const annotations = entity.metadata.annotations ?? {};
    const authProvider = annotations[AUTH_PROVIDER];
    if (authProvider === 'serviceAccount') {
      this.options.logger.warn(
        `Ignoring kubernetes-cluster Resource "${name}": the catalog cannot hold a serviceAccount token`,
      );
      return undefined;
    }
    let checked: CheckedApiServer;
    try {
      checked = await checkClusterApiServer(
        annotations[API_SERVER],
        this.options.dangerouslyAllowClusterUrls,
      );
    } catch (error) {
      this.options.logger.warn(
        `Ignoring kubernetes-cluster Resource "${name}": ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
    const authMetadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(annotations)) {
      if (key.startsWith('kubernetes.io/') && key !== 'serviceAccountToken') {
        authMetadata[key] = value;
      }
    }
    const viewerTokensTrusted = this.viewerTokenUrls.trusts(checked.url);
    if (!viewerTokensTrusted && USER_LEVEL_PROVIDERS.has(authProvider)) {
      this.warnUntrusted(name, authProvider, checked.url);
    }
    return {
      name,
      title: entity.metadata.title,
      url: checked.url.toString().replace(/\/$/, ''),
      ...(checked.connectAddress && {
        connectAddress: checked.connectAddress,
      }),
      source: 'catalog',
      authProvider,
      authMetadata,
      caData: annotations[API_SERVER_CA],
      skipTLSVerify:
        (this.options.dangerouslyAllowSkipTLSVerify ?? false) &&
        annotations[SKIP_TLS_VERIFY] === 'true',
      dashboardUrl: annotations[DASHBOARD_URL],
      dashboardApp: annotations[DASHBOARD_APP],
      ...(annotations[SKIP_METRICS_LOOKUP] === 'true' && {
        skipMetricsLookup: true,
      }),
      viewerTokensTrusted,
    };
  }

  /** Once per cluster and URL: the catalog is read again every refresh. */
  private warnUntrusted(name: string, authProvider: string, url: URL) {
    const key = `${name}\0${url.origin}`;
    if (this.warnedUntrusted.has(key)) return;
    this.warnedUntrusted.add(key);
    this.options.logger.warn(
      `kubernetes-cluster Resource "${name}" uses the user-level authProvider '${authProvider}', but its API server ${url.origin} is not listed in ${this.locatorKey}.viewerTokenUrls: viewers' tokens are never sent to it, and viewers see it as unauthorized. List the origin there only if you trust that server with your users' tokens.`,
    );
  }
}
