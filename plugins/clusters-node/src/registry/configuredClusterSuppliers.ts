import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConfigClusterSupplier } from '../sources/ConfigClusterSupplier';
import {
  GkeClusterManagerClient,
  GkeClusterSupplier,
} from '../sources/GkeClusterSupplier';
import { KubeconfigClusterSupplier } from '../sources/KubeconfigClusterSupplier';
import { LocalKubectlProxyClusterSupplier } from '../sources/LocalKubectlProxyClusterSupplier';
import { ClusterSupplier } from '../types';
import { silentLogger } from './silentLogger';

/**
 * The sources read from config alone: `kubernetes.clusterLocatorMethods` entries of `type: config`
 * and `type: localKubectlProxy`, one per `type: gke` entry, then `kubeplatform.kubeconfig` when
 * set. The catalog source needs the catalog, so only the clusters plugin adds it. `gkeClient`
 * replaces Google's client for every gke locator (tests).
 *
 * @public
 */
export function configuredClusterSuppliers(
  config: Config,
  options: { logger?: LoggerService; gkeClient?: GkeClusterManagerClient } = {},
): ClusterSupplier[] {
  const kubeconfig = KubeconfigClusterSupplier.fromConfig(config);
  const kubectlProxy = LocalKubectlProxyClusterSupplier.fromConfig(config);
  return [
    ConfigClusterSupplier.fromConfig(config),
    ...(kubectlProxy ? [kubectlProxy] : []),
    ...GkeClusterSupplier.fromConfig(config, {
      logger: options.logger ?? silentLogger,
      client: options.gkeClient,
    }),
    ...(kubeconfig ? [kubeconfig] : []),
  ];
}
