import { ClusterAuthStrategy, ClusterCredential } from '../types';

/**
 * Clusters from a kubeconfig file carry their own users; the KubeConfig itself applies them, so
 * there is nothing to add here.
 */
export class KubeconfigStrategy implements ClusterAuthStrategy {
  async getCredential(): Promise<ClusterCredential> {
    return { type: 'anonymous' };
  }

  validateCluster(): Error[] {
    return [];
  }
}
