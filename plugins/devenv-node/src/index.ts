/**
 * The development environment provisioner service and environment classes.
 *
 * @packageDocumentation
 */

export { environmentProvisionerServiceRef } from './service';
export {
  EnvironmentProvisioner,
  type CallOptions,
  type ConnectionSecret,
  type EnvironmentClusters,
  type EnvironmentListResult,
  type EnvironmentPlanResult,
  type EnvironmentProvisionerOptions,
  type IssuedKubeconfig,
  type ProvisionResult,
} from './provisioner/EnvironmentProvisioner';
export {
  reapEnvironments,
  type ReapReport,
} from './provisioner/reapEnvironments';
export {
  placeInEnvironmentNamespace,
  type SourcedManifest,
} from './provisioner/environmentManifests';
export type { ObjectRef } from './kube/objects';
export { isInSleepWindow } from './schedule/sleepWindow';
export {
  readDevenvSettings,
  parseDevenvSettings,
} from './config/readDevenvSettings';
export type {
  DevenvSettings,
  EnvironmentClassConfig,
  NamespaceClassConfig,
  QuotaPreset,
  ResourceTemplateClassConfig,
} from './config/settingsSchema';
export type {
  EnvironmentClass,
  ProgressReporter,
  ResolvedRequest,
} from './classes/types';
export {
  EnvironmentAccessPolicy,
  type EnvironmentAccessPolicyOptions,
  type EnvironmentAction,
  type EnvironmentSubject,
} from './access/EnvironmentAccessPolicy';
export { environmentAccessPolicyServiceRef } from './access/service';
