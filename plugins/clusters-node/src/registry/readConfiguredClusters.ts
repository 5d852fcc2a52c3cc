import { ConfigClusterSupplier } from '../sources/ConfigClusterSupplier';
import { LocalKubectlProxyClusterSupplier } from '../sources/LocalKubectlProxyClusterSupplier';
import { ClusterSupplier } from '../types';
import { ConfiguredCluster } from './validateConfiguredClusters';

/**
 * The clusters that config defines (`type: config` and `type: localKubectlProxy` locators) among
 * these sources, with their config keys; other sources (catalog, kubeconfig, modules) report
 * their problems per cluster at run time instead.
 *
 * @public
 */
export async function readConfiguredClusters(
  suppliers: ClusterSupplier[],
): Promise<ConfiguredCluster[]> {
  const configured: ConfiguredCluster[] = [];
  for (const supplier of suppliers) {
    if (supplier instanceof ConfigClusterSupplier) {
      configured.push(...supplier.configuredClusters());
    } else if (supplier instanceof LocalKubectlProxyClusterSupplier) {
      for (const cluster of await supplier.getClusters()) {
        configured.push({
          cluster,
          configKey:
            'kubernetes.clusterLocatorMethods (type localKubectlProxy)',
        });
      }
    }
  }
  return configured;
}
