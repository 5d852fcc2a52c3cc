/**
 * The devenv platform REST API, the expiry reaper and the audit trail.
 *
 * @packageDocumentation
 */

export { devenvPlugin as default } from './plugin';
export {
  createDevenvConditionalDecision,
  devenvConditions,
  environmentResourceRef,
  isEnvironmentOwner,
  type EnvironmentQuery,
} from './permissions/environmentPermissionRules';
export type { AuditEntry } from './audit/AuditTrail';
