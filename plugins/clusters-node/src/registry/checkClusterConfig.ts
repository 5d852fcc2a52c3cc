import { Config } from '@backstage/config';
import { ClusterAuthStrategy, ClusterSupplier } from '../types';
import { buildConfigReport, ClustersConfigReport } from './configReport';
import { readConfiguredClusters } from './readConfiguredClusters';
import { validateConfiguredClusters } from './validateConfiguredClusters';

/**
 * What the clusters plugin does with its sources and strategies before it configures the
 * registry: throws on bad cluster config, naming cluster and key, and returns the report of what
 * is not honoured.
 *
 * @public
 */
export async function checkClusterConfig(
  rootConfig: Config,
  suppliers: ClusterSupplier[],
  strategies: ReadonlyMap<string, ClusterAuthStrategy>,
): Promise<ClustersConfigReport> {
  const configured = await readConfiguredClusters(suppliers);
  validateConfiguredClusters(configured, strategies);
  return buildConfigReport(
    rootConfig,
    configured.map(c => c.cluster),
    strategies,
  );
}
