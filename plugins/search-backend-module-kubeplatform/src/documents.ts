import type { IndexableDocument } from '@backstage/plugin-search-common';

/** Search document types; the devenv frontend plugin renders both. */
export const WORKLOAD_DOCUMENT_TYPE = 'kubeplatform-workload';
export const ENVIRONMENT_DOCUMENT_TYPE = 'kubeplatform-environment';

/** One catalog entity that runs on Kubernetes, and where and how it runs. */
export interface WorkloadDocument extends IndexableDocument {
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

/** One development environment. */
export interface EnvironmentDocument extends IndexableDocument {
  name: string;
  owner: string;
  class: string;
  cluster: string;
  namespace: string;
  status: string;
  expiresAt: string;
}
