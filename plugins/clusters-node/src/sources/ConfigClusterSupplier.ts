import { Config } from '@backstage/config';
import { ClusterDefinition, ClusterSupplier } from '../types';

const AUTH_PROVIDER_ANNOTATION = 'kubernetes.io/auth-provider';

/**
 * Clusters from `kubernetes.clusterLocatorMethods` entries of `type: config`, read the way
 * @backstage/plugin-kubernetes-backend 0.21 reads them, so an existing installation works as is.
 */
export class ConfigClusterSupplier implements ClusterSupplier {
  readonly name = 'config';

  private constructor(private readonly clusters: ClusterDefinition[]) {}

  static fromConfig(rootConfig: Config): ConfigClusterSupplier {
    const methods =
      rootConfig.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ??
      [];
    const clusters: ClusterDefinition[] = [];
    for (const method of methods) {
      if (method.getString('type') !== 'config') continue;
      const names = new Set<string>();
      for (const c of method.getOptionalConfigArray('clusters') ?? []) {
        const name = c.getString('name');
        if (names.has(name)) {
          throw new Error(`Duplicate cluster name '${name}'`);
        }
        names.add(name);
        clusters.push(readCluster(c, name));
      }
    }
    return new ConfigClusterSupplier(clusters);
  }

  async getClusters(): Promise<ClusterDefinition[]> {
    return this.clusters;
  }
}

function readCluster(c: Config, name: string): ClusterDefinition {
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
  const url = c.getString('url');
  if (!URL.canParse(url)) {
    throw new Error(`cluster '${name}' has an invalid url`);
  }
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
    ...authMetadataBlock,
  };
  return {
    name,
    title: c.getOptionalString('title'),
    url,
    source: 'config',
    authProvider,
    authMetadata,
    caData: c.getOptionalString('caData'),
    caFile: c.getOptionalString('caFile'),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
    dashboardUrl: c.getOptionalString('dashboardUrl'),
    dashboardApp: c.getOptionalString('dashboardApp'),
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
