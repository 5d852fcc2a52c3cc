import type { KubeConfig } from '@kubernetes/client-node';
import type {
  ClusterIdentity,
  CustomResourceType,
} from '@kubeplatform/clusters-common';

/**
 * Where a cluster definition came from.
 *
 * @public
 */
export type ClusterSource = 'config' | 'catalog' | 'kubeconfig' | 'gke';

/**
 * A cluster known to Kubeplatform. This is server-side only: `getKubeConfig` holds credentials,
 * so a ClusterDetails must never be serialised into a response or a log line.
 *
 * @public
 */
export interface ClusterDetails extends ClusterIdentity {
  url: string;
  source: ClusterSource;
  /** Namespaces to watch; empty or undefined means cluster-wide. */
  namespaces?: string[];
  /** The cluster's own `customResources`; undefined means the global list applies. */
  customResources?: CustomResourceType[];
  /** Upstream's `skipMetricsLookup`: read no `metrics.k8s.io` data from this cluster. */
  skipMetricsLookup?: boolean;
}

/**
 * A cluster source that failed on the last read. The clusters it supplied when it last answered
 * are still served, marked stale, until it answers again.
 *
 * @public
 */
export interface ClusterSourceError {
  /** The supplier's name, e.g. `catalog`. */
  source: string;
  /** Why it failed; safe to log and show (suppliers must not put secrets in errors). */
  message: string;
  /** Names of the clusters kept from this source's last answer. */
  staleClusters: string[];
}

/**
 * Every cluster, with the sources that failed reported as data next to them.
 *
 * @public
 */
export interface GatheredClusters {
  clusters: ClusterDetails[];
  errors: ClusterSourceError[];
}

/**
 * The read-only clusters service shared by every Kubeplatform backend plugin: the registry of
 * clusters and the credentials to reach them. Sources and auth strategies are installed through
 * the `clusters` plugin's extension points, not here. Reads wait until the registry is
 * configured (by the clusters plugin's init, or with the defaults at startup).
 *
 * @public
 */
export interface ClustersService {
  listClusters(): Promise<ClusterDetails[]>;
  /** The clusters plus the sources that failed, e.g. for views that mark clusters stale. */
  gatherClusters(): Promise<GatheredClusters>;
  getCluster(name: string): Promise<ClusterDetails | undefined>;
  /**
   * A KubeConfig with this cluster's credentials, for server-side API calls.
   * Throws NotFoundError for an unknown cluster.
   */
  getKubeConfig(name: string): Promise<KubeConfig>;
}

/**
 * A cluster with what is needed to connect to it. Holds or points at secrets: never serialise it.
 *
 * @public
 */
export interface ClusterDefinition extends ClusterDetails {
  /** Picks the ClusterAuthStrategy, e.g. `serviceAccount`, `clientCertificate`, `kubeconfig`. */
  authProvider: string;
  /** Strategy-specific values, e.g. `serviceAccountToken`. May hold secrets. */
  authMetadata: Record<string, string>;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
  /**
   * For catalog clusters: the address that passed the SSRF check. Connections go to it (TLS
   * still verifies the URL's host name), never to a later DNS answer for that name.
   */
  connectAddress?: string;
  dashboardApp?: string;
  /**
   * For catalog clusters: whether the catalog locator's `credentialUrls` lists this cluster's
   * origin, so that a credential — the backend's own (e.g. `aws`, a `cacheCredential`) or a
   * viewer's (user-level providers) — may be sent to it. A catalog cluster without it is sent
   * none: the entity's author chose the URL. Clusters of other sources are the platform
   * engineer's and need no such flag.
   */
  credentialsTrusted?: boolean;
  /**
   * For a cluster with a user-level authProvider (`oidc`, `google`, `aks`): the service credential
   * the shared watch cache reads it with, from `kubeplatform.clusters[].cacheCredential`. Each
   * viewer is additionally checked with their own token (docs/multicluster-backend.md).
   */
  cacheCredential?: ClusterCacheCredential;
  /** For clusters read from a kubeconfig file: the loaded file with its context selected. */
  kubeConfig?: KubeConfig;
}

/**
 * A service-level authProvider and its auth metadata (e.g. `serviceAccountToken`). Holds secrets.
 *
 * @public
 */
export interface ClusterCacheCredential {
  authProvider: string;
  authMetadata: Record<string, string>;
}

/**
 * Credentials to present to an API server. Never log or return these.
 *
 * @public
 */
export type ClusterCredential =
  | { type: 'bearer token'; token: string }
  | { type: 'x509 client certificate'; cert: string; key: string }
  | { type: 'anonymous' };

/**
 * Turns a cluster's auth metadata into credentials, e.g. a token, an OIDC exchange.
 *
 * @public
 */
export interface ClusterAuthStrategy {
  getCredential(cluster: ClusterDefinition): Promise<ClusterCredential>;
  /** Problems with a cluster's auth metadata, reported at startup. Messages must not echo secrets. */
  validateCluster(authMetadata: Record<string, string>): Error[];
}

/**
 * A source of clusters: config, the catalog, a kubeconfig file, or an extension.
 *
 * @public
 */
export interface ClusterSupplier {
  /** A short name for logs and errors, e.g. `config`, `catalog`. */
  readonly name: string;
  getClusters(): Promise<ClusterDefinition[]>;
}
