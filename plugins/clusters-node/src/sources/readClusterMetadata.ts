import { Config } from '@backstage/config';
import type { Config as ClustersConfig } from '../../config';
import type { ClusterCacheCredential } from '../types';

/** One entry of `kubeplatform.clusters`, as the config schema declares it. */
type ClusterMetadataConfig = NonNullable<
  NonNullable<ClustersConfig['kubeplatform']>['clusters']
>[number];

/** Per-cluster metadata from `kubeplatform.clusters`, merged onto clusters from any source. */
export type ClusterMetadata = Pick<
  ClusterMetadataConfig,
  'name' | 'title' | 'region' | 'environment' | 'namespaces' | 'dashboardUrl'
> & {
  /** For user-level clusters: the service credential the watch cache reads with. Holds secrets. */
  cacheCredential?: ClusterCacheCredential;
};

/** The auth metadata keys a cache credential may carry, as in kubernetes.clusterLocatorMethods. */
const CACHE_CREDENTIAL_KEYS = [
  'serviceAccountToken',
  'clientCertData',
  'clientKeyData',
  'clientCertFile',
  'clientKeyFile',
  'assumeRole',
  'externalId',
];

const NAMESPACE_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function readClusterMetadata(
  config: Config,
): Map<string, ClusterMetadata> {
  const byName = new Map<string, ClusterMetadata>();
  for (const c of config.getOptionalConfigArray('kubeplatform.clusters') ??
    []) {
    const name = c.getString('name');
    if (byName.has(name)) {
      throw new Error(
        `kubeplatform.clusters: cluster '${name}' is listed twice`,
      );
    }
    const namespaces = c.getOptionalStringArray('namespaces');
    for (const ns of namespaces ?? []) {
      if (ns.length > 63 || !NAMESPACE_PATTERN.test(ns)) {
        throw new Error(
          `kubeplatform.clusters: cluster '${name}' lists an invalid namespace '${ns}'`,
        );
      }
    }
    byName.set(name, {
      name,
      title: c.getOptionalString('title'),
      region: c.getOptionalString('region'),
      environment: c.getOptionalString('environment'),
      namespaces: namespaces?.length ? [...new Set(namespaces)] : undefined,
      dashboardUrl: c.getOptionalString('dashboardUrl'),
      cacheCredential: readCacheCredential(
        c.getOptionalConfig('cacheCredential'),
      ),
    });
  }
  return byName;
}

function readCacheCredential(
  c: Config | undefined,
): ClusterCacheCredential | undefined {
  if (!c) return undefined;
  const authProvider = c.getString('authProvider');
  const authMetadata: Record<string, string> = {
    'kubernetes.io/auth-provider': authProvider,
  };
  for (const key of CACHE_CREDENTIAL_KEYS) {
    const value = c.getOptionalString(key);
    if (value) authMetadata[key] = value;
  }
  return { authProvider, authMetadata };
}
