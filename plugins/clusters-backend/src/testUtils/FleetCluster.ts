/**
 * What the test helpers need of a local cluster: the shape of `LocalCluster` from the
 * (private) `@kubeplatform/local-clusters` package, declared here so that this published
 * package does not depend on it.
 *
 * @public
 */
export interface FleetCluster {
  name: string;
  title: string;
  /** The API server URL. */
  server: string;
  /** Base64 PEM of the cluster CA. */
  caData: string;
  region: string;
  environment: string;
  /** Service-account tokens by role. */
  tokens: { reader: string; limited: string; backend: string };
}
