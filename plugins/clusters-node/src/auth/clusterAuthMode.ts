import { ClusterAuthStrategy, ClusterDefinition } from '../types';
import { authModeOf, ClusterAuthMode } from './authMode';

/**
 * The auth mode of one cluster, as the view shows it: a cluster with its own KubeConfig is
 * reached with that service credential; otherwise its authProvider's strategy says. Undefined
 * when no strategy is installed for it (the cluster is then shown as unauthorized).
 */
export function clusterAuthMode(
  cluster: ClusterDefinition,
  authStrategies: ReadonlyMap<string, ClusterAuthStrategy>,
): ClusterAuthMode | undefined {
  if (cluster.kubeConfig) return 'service';
  const strategy = authStrategies.get(cluster.authProvider);
  return strategy && authModeOf(strategy);
}
