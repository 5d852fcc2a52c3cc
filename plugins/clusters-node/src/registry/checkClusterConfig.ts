import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  checkCacheCredentials,
  describeMissingCacheCredentials,
} from './checkCacheCredentials';
import { ClusterAuthStrategy, ClusterSupplier } from '../types';
import { buildConfigReport, ClustersConfigReport } from './configReport';
import { readConfiguredClusters } from './readConfiguredClusters';
import { validateConfiguredClusters } from './validateConfiguredClusters';

/**
 * What the clusters plugin does with its sources and strategies before it configures the
 * registry: throws on bad cluster config, naming cluster and key, and returns the report of what
 * is not honoured. User-level clusters without a `cacheCredential` are logged as an error on
 * `logger` (they are listed as needing configuration; the backend still starts).
 *
 * @public
 */
export async function checkClusterConfig(
  rootConfig: Config,
  suppliers: ClusterSupplier[],
  strategies: ReadonlyMap<string, ClusterAuthStrategy>,
  logger?: LoggerService,
): Promise<ClustersConfigReport> {
  const configured = await readConfiguredClusters(suppliers);
  validateConfiguredClusters(configured, strategies);
  const { missing } = checkCacheCredentials(
    rootConfig,
    configured.map(c => c.cluster),
    strategies,
  );
  const missingMessage = describeMissingCacheCredentials(missing);
  if (missingMessage) logger?.error(missingMessage);
  return buildConfigReport(
    rootConfig,
    configured.map(c => c.cluster),
    strategies,
  );
}
