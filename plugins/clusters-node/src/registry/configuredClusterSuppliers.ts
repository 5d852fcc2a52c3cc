import { Config } from '@backstage/config';
import { ConfigClusterSupplier } from '../sources/ConfigClusterSupplier';
import { KubeconfigClusterSupplier } from '../sources/KubeconfigClusterSupplier';
import { ClusterSupplier } from '../types';

/**
 * The sources read from config alone: `kubernetes.clusterLocatorMethods` entries of `type: config`,
 * then `kubeplatform.kubeconfig` when set. The catalog source needs the catalog, so only the
 * clusters plugin adds it.
 */
export function configuredClusterSuppliers(config: Config): ClusterSupplier[] {
  const kubeconfig = KubeconfigClusterSupplier.fromConfig(config);
  return [
    ConfigClusterSupplier.fromConfig(config),
    ...(kubeconfig ? [kubeconfig] : []),
  ];
}
