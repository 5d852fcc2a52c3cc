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
import {
  CREDENTIAL_FREE_PROVIDERS,
  CREDENTIAL_PROVIDERS,
  CredentialUrls,
} from './credentialUrls';

const API_SERVER = 'kubernetes.io/api-server';
const API_SERVER_CA = 'kubernetes.io/api-server-certificate-authority';
const AUTH_PROVIDER = 'kubernetes.io/auth-provider';
const SKIP_TLS_VERIFY = 'kubernetes.io/skip-tls-verify';
const DASHBOARD_URL = 'kubernetes.io/dashboard-url';
const DASHBOARD_APP = 'kubernetes.io/dashboard-app';
/** `ANNOTATION_KUBERNETES_SKIP_METRICS_LOOKUP` of @backstage/plugin-kubernetes-common. */
const SKIP_METRICS_LOOKUP = 'kubernetes.io/skip-metrics-lookup';
const DEFAULT_LOCATOR_KEY = 'kubernetes.clusterLocatorMethods[type=catalog]';

/**
 * Clusters from catalog `Resource` entities of type `kubernetes-cluster`, enabled by a
 * `kubernetes.clusterLocatorMethods` entry of `type: catalog`. Rules follow upstream: the
 * `serviceAccount` provider is refused (a token must not live in the catalog), private and
 * metadata URLs are refused unless allow-listed, and skip-TLS needs an explicit opt-in. Unlike
 * upstream, no credential — the backend's own (`aws`, `azure`, `googleServiceAccount`, …) or a
 * viewer's (`oidc`, `google`, `aks`) — goes to a catalog cluster unless the locator's
 * `credentialUrls` lists its origin: the entity's author chooses the URL.
 *
 * @public
 */
export class CatalogClusterSupplier implements ClusterSupplier {
  readonly name = 'catalog';
  private cached?: { at: number; clusters: ClusterDefinition[] };
  private readonly credentialUrls: CredentialUrls;
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
       * may be sent a credential (the backend's or a viewer's). Throws on an entry that is not one.
       */
      credentialUrls?: string[];
      /** The locator's config key, for messages, e.g. `kubernetes.clusterLocatorMethods[1]`. */
      locatorKey?: string;
      refreshIntervalMs?: number;
    },
  ) {
    this.locatorKey = options.locatorKey ?? DEFAULT_LOCATOR_KEY;
    this.credentialUrls = CredentialUrls.parse(
      options.credentialUrls,
      `${this.locatorKey}.credentialUrls`,
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
      credentialUrls: method.getOptionalStringArray('credentialUrls'),
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
    const credentialsTrusted = this.credentialUrls.trusts(checked.url);
    if (!credentialsTrusted && !CREDENTIAL_FREE_PROVIDERS.has(authProvider)) {
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
      credentialsTrusted,
    };
  }

  /** Once per cluster and URL: the catalog is read again every refresh. */
  private warnUntrusted(name: string, authProvider: string, url: URL) {
    const key = `${name}\0${url.origin}`;
    if (this.warnedUntrusted.has(key)) return;
    this.warnedUntrusted.add(key);
    this.options.logger.warn(
      `kubernetes-cluster Resource "${name}" uses authProvider '${authProvider}', but its API server ${
        url.origin
      } is not listed in ${
        this.locatorKey
      }.credentialUrls: no credential, neither the backend's nor a viewer's, is sent to it, and it is shown as unauthorized${
        CREDENTIAL_PROVIDERS.has(authProvider)
          ? ''
          : ` unless that provider sends none`
      }. List the origin there only if you trust that server with the credentials of authProvider '${authProvider}'.`,
    );
  }
}
