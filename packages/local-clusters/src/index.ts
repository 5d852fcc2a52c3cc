/**
 * Real local Kubernetes clusters for Kubeplatform's tests and benchmarks.
 *
 * @packageDocumentation
 */
export { loadLocalFleet, ensureLocalFleet } from './harness/localFleet';
export type { LocalFleet, LocalCluster } from './harness/localFleet';
export { DEMO_TROUBLES, DEMO_DRIFT } from './demo/demoTroubles';
export type { DemoTrouble, DemoDrift } from './demo/demoTroubles';
export {
  DEMO_SERVICES,
  DEMO_NAMESPACES,
  KUBERNETES_ID_LABEL,
} from './demo/demoServices';
export type { DemoService } from './demo/demoServices';
export { SIMULATE_LABEL } from './demo/simulations';
export {
  DEMO_USAGE,
  DEMO_HOT_SERVICE,
  DEMO_IDLE_SERVICE,
  USAGE_CPU_ANNOTATION,
  USAGE_MEMORY_ANNOTATION,
} from './demo/resourceUsage';
export type { DemoUsage, UsageProfile } from './demo/resourceUsage';
export {
  SERVICE_ACCOUNT_NAMESPACE,
  READER_SERVICE_ACCOUNT,
  LIMITED_SERVICE_ACCOUNT,
  LIMITED_NAMESPACES,
} from './fleet/serviceAccounts';
export {
  ENVIRONMENT_CLUSTER,
  ENVIRONMENT_GROUP,
  ENVIRONMENT_VERSION,
  ENVIRONMENT_PLURAL,
} from './environments/environmentCrd';
export {
  SCALE_NAMESPACE,
  SCALE_SERVICES,
  PODS_PER_DEPLOYMENT,
  SCALE_SHAPES,
  scaleObjects,
  scaleServiceId,
} from './scale/scalePopulation';
export type { ScaleShape } from './scale/scalePopulation';
export { startScaleCluster } from './scale/scaleCluster';
export type { ScaleCluster } from './scale/scaleCluster';
export { readAuditedRequests } from './harness/auditLog';
export type { AuditedRequest } from './harness/auditLog';
export { loadLocalIssuer, signInAtLocalIssuer } from './oidc/localIssuerLogin';
export type { LocalIssuer, LocalIssuerTokens } from './oidc/localIssuerLogin';
export {
  LOCAL_ISSUER_USERS,
  LOCAL_ISSUER_CLIENT_ID,
  kubernetesUserName,
} from './oidc/localIssuerUsers';
export type { LocalIssuerUser } from './oidc/localIssuerUsers';
export { apiserverRequest, whoAmI } from './oidc/apiserverTrust';
