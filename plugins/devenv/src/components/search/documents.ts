import type { IndexableDocument } from '@backstage/plugin-search-common';

/** Search document types written by @kubeplatform/plugin-search-backend-module-kubeplatform. */
export const WORKLOAD_DOCUMENT_TYPE = 'kubeplatform-workload';
export const ENVIRONMENT_DOCUMENT_TYPE = 'kubeplatform-environment';

export interface WorkloadSearchDocument extends IndexableDocument {
  entityRef: string;
  owner?: string;
  health: string;
  clusters: string[];
  regions: string[];
  environments: string[];
  namespaces: string[];
  images: string[];
}

export interface EnvironmentSearchDocument extends IndexableDocument {
  name: string;
  owner: string;
  class: string;
  cluster: string;
  namespace: string;
  status: string;
  expiresAt: string;
}
