export type {
  CustomResourceHealth,
  CustomResourceHealthStatus,
  CustomResourceSpecSummary,
  CustomResourceSummary,
  CustomResourceType,
  TrimmedCustomResource,
} from './types';
export type { AnyCustomResource } from './conditions';
export { kstatusGenericHealth, kstatusHealth } from './kstatus';
export {
  CUSTOM_RESOURCE_HEALTH_RULES,
  customResourceHealth,
  customResourceHealthRule,
  type CustomResourceHealthRule,
} from './kindRules';
export { summariseCustomResource } from './summariseCustomResource';
