export {
  restartsInLastHour,
  samplePodRestarts,
  totalRestarts,
  type PodRestartSample,
} from './restarts';
export { hpaCpuUtilization } from './autoscalers';
export type { WarningEvent } from './events';
export { detectProblems, type ObjectsToCheck } from './detectProblems';
export type { KubernetesTimestamp } from './timestamps';
export { serviceEndpoints, type ServiceEndpointCounts } from './services';
export { quotaUsage, type QuotaResourceUsage } from './resourceQuotas';
export { parseQuantity } from './quantity';
export { MEMORY_NEAR_LIMIT_FRACTION } from './memoryNearLimit';
