/**
 * The development environment provisioner service and environment classes.
 *
 * @packageDocumentation
 */

export { environmentProvisionerServiceRef } from './service';
export {
  EnvironmentProvisioner,
  type CallOptions,
  type ChangeOptions,
  type ConnectionSecret,
  type EnvironmentClusters,
  type EnvironmentListResult,
  type EnvironmentPlanResult,
  type EnvironmentProvisionerOptions,
  type IdentifiedEnvironment,
  type IssuedKubeconfig,
  type ProvisionResult,
} from './provisioner/EnvironmentProvisioner';
export {
  reapEnvironments,
  type ReapAction,
  type ReapReport,
} from './provisioner/reapEnvironments';
export {
  placeInEnvironmentNamespace,
  type ManifestPolicy,
  type SourcedManifest,
} from './provisioner/environmentManifests';
export { ENVIRONMENT_FIELD_MANAGER } from './provisioner/applyEnvironmentManifests';
export { CLAIM_UID_ANNOTATION } from './provisioner/EnvironmentCredentials';
export { NETWORK_PEER_LABEL } from './classes/NamespaceClass';
export { devenvReadPermission } from './access/devenvReadPermission';
export type { ObjectRef } from './kube/objects';
export { isInSleepWindow } from './schedule/sleepWindow';
export {
  readDevenvSettings,
  parseDevenvSettings,
} from './config/readDevenvSettings';
export {
  DEFAULT_APPLY_KINDS,
  DEFAULT_RESERVED_ENVIRONMENT_NAMES,
} from './config/settingsSchema';
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
  type EnvironmentListScope,
  type EnvironmentAction,
  type EnvironmentSubject,
} from './access/EnvironmentAccessPolicy';
export { environmentAccessPolicyServiceRef } from './access/service';
export { runInAuditEvent } from './audit/runInAuditEvent';
