import { Config } from '@backstage/config';
import { authModeOf, ClusterAuthMode } from '../auth/authMode';
import { readWatchedResourceTypes } from '../cache/watchedResourceTypes';
import { ClusterAuthStrategy, ClusterDefinition } from '../types';

/**
 * A `kubernetes:` key that Kubeplatform reads no further, and what that means.
 *
 * @public
 */
export interface UnsupportedConfigKey {
  /** The full config path, e.g. `kubernetes.clusterLocatorMethods[0].clusters[1].skipMetricsLookup`. */
  key: string;
  /** The cluster the key belongs to, when it belongs to one. */
  cluster?: string;
  reason: string;
}

/**
 * A configured cluster and whose identity reaches it.
 *
 * @public
 */
export interface ConfiguredClusterAuth {
  name: string;
  authProvider: string;
  /** Undefined when no strategy is installed for the authProvider. */
  authMode?: ClusterAuthMode;
}

/**
 * What of an upstream `kubernetes:` configuration Kubeplatform does not honour, with the auth
 * mode of each configured cluster: logged once at startup and served at
 * `GET /api/clusters/config-report`. Never holds secrets: keys and names only.
 *
 * @public
 */
export interface ClustersConfigReport {
  unsupportedKeys: UnsupportedConfigKey[];
  clusters: ConfiguredClusterAuth[];
}

const GLOBAL_KEYS: Array<{ key: string; reason: string }> = [
  {
    key: 'proxy',
    reason:
      'Kubeplatform has no Kubernetes proxy endpoint, so there is no proxy middleware to cache (only @backstage/plugin-kubernetes-backend reads it, when it runs next to Kubeplatform)',
  },
];

/** Per-cluster keys read no further; `skipMetricsLookup` is honoured (the watch cache's pod metrics). */
const CLUSTER_KEYS: Array<{ key: string; reason: string }> = [];

/** Service locators the multicluster view applies (plugins/multicluster-backend/src/entities/serviceLocator.ts). */
const SUPPORTED_SERVICE_LOCATORS = new Set([
  'multiTenant',
  'singleTenant',
  'catalogRelation',
]);

/** Locator types Kubeplatform reads clusters from. */
const SUPPORTED_LOCATORS = new Set([
  'config',
  'catalog',
  'localKubectlProxy',
  'gke',
]);

/** What upstream's GkeClusterLocator accepts; it turns any other authProvider into `google`. */
const GKE_AUTH_PROVIDERS = new Set(['google', 'googleServiceAccount']);

/** @public */
export function buildConfigReport(
  rootConfig: Config,
  clusters: ClusterDefinition[],
  strategies: ReadonlyMap<string, ClusterAuthStrategy>,
): ClustersConfigReport {
  return {
    unsupportedKeys: unsupportedKeys(rootConfig),
    clusters: clusters.map(c => {
      const strategy = strategies.get(c.authProvider);
      return {
        name: c.name,
        authProvider: c.authProvider,
        ...(strategy && { authMode: authModeOf(strategy) }),
      };
    }),
  };
}

function unsupportedKeys(rootConfig: Config): UnsupportedConfigKey[] {
  const kubernetes = rootConfig.getOptionalConfig('kubernetes');
  if (!kubernetes) return [];
  const found: UnsupportedConfigKey[] = [];
  const serviceLocator = kubernetes.getOptionalString(
    'serviceLocatorMethod.type',
  );
  if (serviceLocator && !SUPPORTED_SERVICE_LOCATORS.has(serviceLocator)) {
    found.push({
      key: 'kubernetes.serviceLocatorMethod.type',
      reason: `'${serviceLocator}' is not supported: every cluster is searched for every entity, as with multiTenant`,
    });
  }
  for (const { key, reason } of GLOBAL_KEYS) {
    if (kubernetes.has(key)) found.push({ key: `kubernetes.${key}`, reason });
  }
  found.push(...readWatchedResourceTypes(rootConfig).unhonoured);
  const methods = kubernetes.getOptionalConfigArray('clusterLocatorMethods');
  (methods ?? []).forEach((method, m) => {
    const methodKey = `kubernetes.clusterLocatorMethods[${m}]`;
    const type = method.getString('type');
    if (!SUPPORTED_LOCATORS.has(type)) {
      found.push({
        key: `${methodKey}.type`,
        reason: `the '${type}' cluster locator is not supported: its clusters are not listed`,
      });
      return;
    }
    if (type === 'gke') {
      found.push(...unhonouredGkeKeys(method, methodKey));
      return;
    }
    if (type !== 'config') return;
    (method.getOptionalConfigArray('clusters') ?? []).forEach((c, i) => {
      const cluster = c.getString('name');
      for (const { key, reason } of CLUSTER_KEYS) {
        if (c.has(key)) {
          found.push({
            key: `${methodKey}.clusters[${i}].${key}`,
            cluster,
            reason,
          });
        }
      }
    });
  });
  return found;
}

/** A gke locator's keys apply to each cluster it lists; which those are is known only later. */
function unhonouredGkeKeys(
  method: Config,
  methodKey: string,
): UnsupportedConfigKey[] {
  const found: UnsupportedConfigKey[] = [];
  const authProvider = method.getOptionalString('authProvider');
  if (authProvider && !GKE_AUTH_PROVIDERS.has(authProvider)) {
    found.push({
      key: `${methodKey}.authProvider`,
      reason: `'${authProvider}' is not a GKE auth provider: its clusters use 'google', as upstream`,
    });
  }
  for (const { key, reason } of CLUSTER_KEYS) {
    if (method.has(key)) found.push({ key: `${methodKey}.${key}`, reason });
  }
  return found;
}

/**
 * One log line naming every key and its cluster; undefined when everything is honoured.
 *
 * @public
 */
export function describeUnsupportedKeys(
  report: ClustersConfigReport,
): string | undefined {
  if (!report.unsupportedKeys.length) return undefined;
  return `Kubeplatform does not honour these kubernetes config keys (GET /api/clusters/config-report lists them): ${report.unsupportedKeys
    .map(
      u =>
        `${u.key}${u.cluster ? ` (cluster '${u.cluster}')` : ''}: ${u.reason}`,
    )
    .join('; ')}`;
}
