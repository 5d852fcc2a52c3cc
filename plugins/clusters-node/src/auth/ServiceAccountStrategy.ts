import {
  ClusterAuthStrategy,
  ClusterCredential,
  ClusterDefinition,
} from '../types';
import { InClusterServiceAccount } from './InClusterServiceAccount';

/**
 * `authProvider: serviceAccount` with `serviceAccountToken`, as `@backstage/plugin-kubernetes-backend`
 * reads it. Without a token it uses the pod's own service account, as upstream does.
 *
 * @public
 */
export class ServiceAccountStrategy implements ClusterAuthStrategy {
  constructor(
    private readonly inCluster: InClusterServiceAccount = InClusterServiceAccount.fromEnvironment(),
  ) {}

  async getCredential(cluster: ClusterDefinition): Promise<ClusterCredential> {
    const token = cluster.authMetadata.serviceAccountToken;
    if (token) return { type: 'bearer token', token };
    const unavailable = this.inCluster.unavailableReason();
    if (unavailable) {
      throw new Error(
        `cluster '${cluster.name}' uses authProvider serviceAccount without a serviceAccountToken, and ${unavailable}`,
      );
    }
    return { type: 'bearer token', token: this.inCluster.readToken() };
  }

  validateCluster(authMetadata: Record<string, string>): Error[] {
    if (authMetadata.serviceAccountToken) return [];
    const unavailable = this.inCluster.unavailableReason();
    return unavailable
      ? [
          new Error(
            `serviceAccountToken is missing for authProvider serviceAccount, and ${unavailable} to fall back to the in-cluster service account`,
          ),
        ]
      : [];
  }
}
