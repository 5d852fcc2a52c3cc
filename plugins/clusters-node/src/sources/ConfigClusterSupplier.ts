import { Config } from '@backstage/config';
import { InClusterServiceAccount } from '../auth/InClusterServiceAccount';
import type { ConfiguredCluster } from '../registry/validateConfiguredClusters';
import { ClusterDefinition, ClusterSupplier } from '../types';
import { readCustomResourceTypes } from '../cache/customResourceTypes';

const AUTH_PROVIDER_ANNOTATION = 'kubernetes.io/auth-provider';
/** Upstream's ConfigClusterLocator turns these config keys into these annotations. */
const ANNOTATED_KEYS: Record<string, string> = {
  assumeRole: 'kubernetes.io/aws-assume-role',
  externalId: 'kubernetes.io/aws-external-id',
  oidcTokenProvider: 'kubernetes.io/oidc-token-provider',
};

/**
 * Clusters from `kubernetes.clusterLocatorMethods` entries of `type: config`, read the way
 * @backstage/plugin-kubernetes-backend 0.21 reads them, so an existing installation works as is.
 * A cluster name given twice in one `type: config` entry fails startup, naming both keys.
 *
 * @public
 */
export class ConfigClusterSupplier implements ClusterSupplier {
  readonly name = 'config';

  private constructor(private readonly configured: ConfiguredCluster[]) {}

  static fromConfig(
    rootConfig: Config,
    options: { inCluster?: InClusterServiceAccount } = {},
  ): ConfigClusterSupplier {
    const inCluster =
      options.inCluster ?? InClusterServiceAccount.fromEnvironment();
    const methods =
      rootConfig.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ??
      [];
    const configured: ConfiguredCluster[] = [];
    methods.forEach((method, m) => {
      if (method.getString('type') !== 'config') return;
      const names = new Map<string, string>();
      (method.getOptionalConfigArray('clusters') ?? []).forEach((c, i) => {
        const key = `kubernetes.clusterLocatorMethods[${m}].clusters[${i}]`;
        const name = c.getString('name');
        const first = names.get(name);
        if (first) {
          throw new Error(
            `${key}.name: Duplicate cluster name '${name}', already defined at ${first}`,
          );
        }
        // As upstream, the same name in two locators is not an error: the first one is used
        // and the registry warns about the other.
        names.set(name, key);
        configured.push({
          cluster: readCluster(c, name, key, inCluster),
          configKey: key,
        });
      });
    });
    return new ConfigClusterSupplier(configured);
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    return this.configured.map(c => c.cluster);
  }

  /** Each cluster with where in config it is defined, for startup validation. */
  configuredClusters(): ConfiguredCluster[] {
    return [...this.configured];
  }
}

function readCluster(
  c: Config,
  name: string,
  key: string,
  inCluster: InClusterServiceAccount,
): ClusterDefinition {
  const authMetadataBlock =
    c.getOptional<Record<string, string>>('authMetadata');
  const authProvider =
    authMetadataBlock?.[AUTH_PROVIDER_ANNOTATION] ??
    c.getOptionalString('authProvider');
  if (!authProvider) {
    throw new Error(
      `cluster '${name}' has no auth provider configured; this must be specified via the 'authProvider' or 'authMetadata.${AUTH_PROVIDER_ANNOTATION}' parameter`,
    );
  }
  const serviceAccountToken = c.getOptionalString('serviceAccountToken');
  // Upstream's in-cluster fallback: no token means the pod's own service account, its CA and,
  // when config names no url, the API server the pod reaches.
  const usesInClusterAccount =
    authProvider === 'serviceAccount' && !serviceAccountToken;
  const url =
    c.getOptionalString('url') ??
    (usesInClusterAccount ? inCluster.apiServerUrl() : undefined);
  if (!url) {
    throw new Error(
      `${key}.url: cluster '${name}' has no url${
        usesInClusterAccount
          ? ', and the backend does not run in a cluster (KUBERNETES_SERVICE_HOST is not set)'
          : ''
      }`,
    );
  }
  if (!URL.canParse(url)) {
    throw new Error(`${key}.url: cluster '${name}' has an invalid url`);
  }
  const caData = c.getOptionalString('caData');
  const caFile =
    c.getOptionalString('caFile') ??
    (usesInClusterAccount && !caData ? inCluster.mountedCaFile() : undefined);
  const authMetadata: Record<string, string> = {
    [AUTH_PROVIDER_ANNOTATION]: authProvider,
    ...optionalEntries(c, [
      'serviceAccountToken',
      'clientCertData',
      'clientKeyData',
      'clientCertFile',
      'clientKeyFile',
      'oidcTokenProvider',
    ]),
    ...annotatedEntries(c),
    ...authMetadataBlock,
  };
  return {
    name,
    title: c.getOptionalString('title'),
    url,
    source: 'config',
    authProvider,
    authMetadata,
    caData,
    caFile,
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
    dashboardUrl: c.getOptionalString('dashboardUrl'),
    dashboardApp: c.getOptionalString('dashboardApp'),
    dashboardParameters: c
      .getOptionalConfig('dashboardParameters')
      ?.get<Record<string, unknown>>(),
    customResources: readCustomResourceTypes(
      c.getOptionalConfigArray('customResources'),
      `${key}.customResources`,
    ),
    ...(c.getOptionalBoolean('skipMetricsLookup') && {
      skipMetricsLookup: true,
    }),
  };
}

function optionalEntries(c: Config, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = c.getOptionalString(key);
    if (value) out[key] = value;
  }
  return out;
}

function annotatedEntries(c: Config): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, annotation] of Object.entries(ANNOTATED_KEYS)) {
    const value = c.getOptionalString(key);
    if (value) out[annotation] = value;
  }
  return out;
}
