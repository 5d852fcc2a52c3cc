import type { KubeConfig } from '@kubernetes/client-node';

/**
 * What the devenv test helpers need of the local fleet: the shape of `LocalFleet` from the
 * (private) `@kubeplatform/local-clusters` package, declared here so that this published
 * package does not depend on it.
 *
 * @public
 */
export interface DevenvFleet {
  clusters: Array<{
    name: string;
    title: string;
    region: string;
    environment: string;
    /** The API server URL. */
    server: string;
  }>;
  /** A cluster by name, with admin credentials. */
  cluster(name: string): { kubeConfig(): KubeConfig };
}
