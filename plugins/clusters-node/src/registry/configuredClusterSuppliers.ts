import { Config } from '@backstage/config';
import { ConfigClusterSupplier } from '../sources/ConfigClusterSupplier';
import { KubeconfigClusterSupplier } from '../sources/KubeconfigClusterSupplier';
import { LocalKubectlProxyClusterSupplier } from '../sources/LocalKubectlProxyClusterSupplier';
import { ClusterSupplier } from '../types';

/**
 * The sources read from config alone: `kubernetes.clusterLocatorMethods` entries of `type: config`
 * and `type: localKubectlProxy`, then `kubeplatform.kubeconfig` when set. The catalog source needs
 * the catalog, so only the clusters plugin adds it.
 *
 * @public
 */
export function configuredClusterSuppliers(config: Config): ClusterSupplier[] {
  const kubeconfig = KubeconfigClusterSupplier.fromConfig(config);
  const kubectlProxy = LocalKubectlProxyClusterSupplier.fromConfig(config);
  return [
    ConfigClusterSupplier.fromConfig(config),
    ...(kubectlProxy ? [kubectlProxy] : []),
    ...(kubeconfig ? [kubeconfig] : []),
  ];
}
