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
