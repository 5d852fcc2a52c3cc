/**
 * The search documents Kubeplatform's collators write and its frontend renders: one wire
 * contract for both sides.
 */

/**
 * Document type of one catalog entity that runs on Kubernetes.
 *
 * @public
 */
export const WORKLOAD_DOCUMENT_TYPE = 'kubeplatform-workload';
/**
 * Document type of one development environment.
 *
 * @public
 */
export const ENVIRONMENT_DOCUMENT_TYPE = 'kubeplatform-environment';

/**
 * The fields every search document has (the shape of `IndexableDocument` from
 * `@backstage/plugin-search-common`, which this isomorphic package does not depend on).
 *
 * @public
 */
export interface KubeplatformSearchDocument {
  title: string;
  text: string;
  location: string;
  /** The resource a reader must be allowed to read to see the document. */
  authorization?: { resourceRef: string };
}

/**
 * One catalog entity that runs on Kubernetes, and where and how it runs.
 *
 * @public
 */
export interface WorkloadDocument extends KubeplatformSearchDocument {
  entityRef: string;
  kind: string;
  owner?: string;
  /** Worst health across clusters: healthy, warning, error or unknown. */
  health: string;
  clusters: string[];
  regions: string[];
  environments: string[];
  namespaces: string[];
  /** Full image references, e.g. registry/shop/checkout:1.4.2. */
  images: string[];
  /** Clusters whose data was missing or stale when the document was built. */
  incompleteClusters: string[];
}

/**
 * One development environment.
 *
 * @public
 */
export interface EnvironmentDocument extends KubeplatformSearchDocument {
  name: string;
  owner: string;
  class: string;
  cluster: string;
  namespace: string;
  status: string;
  expiresAt: string;
}
