/**
 * Search collators for Kubernetes workloads and development environments.
 *
 * @packageDocumentation
 */

export { searchModuleKubeplatform as default } from './module';
export { WorkloadCollatorFactory } from './workloads/WorkloadCollatorFactory';
export type { WorkloadCollatorFactoryOptions } from './workloads/WorkloadCollatorFactory';
export { multiclusterHttpViewSource } from './workloads/EntityViewSource';
export type { EntityViewSource } from './workloads/EntityViewSource';
export { EnvironmentCollatorFactory } from './environments/EnvironmentCollatorFactory';
export type { EnvironmentCollatorFactoryOptions } from './environments/EnvironmentCollatorFactory';
export {
  WORKLOAD_DOCUMENT_TYPE,
  ENVIRONMENT_DOCUMENT_TYPE,
} from '@kubeplatform/clusters-common';
export type {
  WorkloadDocument,
  EnvironmentDocument,
} from '@kubeplatform/clusters-common';
