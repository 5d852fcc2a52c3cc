import {
  ClusterAuthStrategy,
  ClusterCredential,
  ClusterDefinition,
} from '../types';

/**
 * `authProvider: serviceAccount` with `serviceAccountToken`, as @backstage/plugin-kubernetes-backend
 * reads it.
 */
export class ServiceAccountStrategy implements ClusterAuthStrategy {
  async getCredential(cluster: ClusterDefinition): Promise<ClusterCredential> {
    const token = cluster.authMetadata.serviceAccountToken;
    if (!token) {
      throw new Error(
        `cluster '${cluster.name}' uses authProvider serviceAccount but has no serviceAccountToken`,
      );
    }
    return { type: 'bearer token', token };
  }

  validateCluster(authMetadata: Record<string, string>): Error[] {
    return authMetadata.serviceAccountToken
      ? []
      : [
          new Error(
            'serviceAccountToken is required for authProvider serviceAccount',
          ),
        ];
  }
}
