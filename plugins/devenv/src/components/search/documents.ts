/**
 * Search documents written by @kubeplatform/plugin-search-backend-module-kubeplatform: the
 * shared wire contract from clusters-common, under the names this package exports.
 */
export {
  ENVIRONMENT_DOCUMENT_TYPE,
  WORKLOAD_DOCUMENT_TYPE,
  type EnvironmentDocument as EnvironmentSearchDocument,
  type WorkloadDocument as WorkloadSearchDocument,
} from '@kubeplatform/clusters-common';
