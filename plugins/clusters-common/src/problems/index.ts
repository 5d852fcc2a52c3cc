export { detectPodProblems, RECENT_WINDOW_MS, STUCK_STARTING_MS } from './pods';
export {
  detectRestartsRising,
  samplePodRestarts,
  type PodRestartSample,
} from './restarts';
export {
  detectDeploymentProblems,
  detectReplicaSetProblems,
} from './deployments';
export { detectStatefulSetProblems } from './statefulsets';
export { detectDaemonSetProblems } from './daemonsets';
export { detectJobProblems, jobOutcome } from './jobs';
export { detectCronJobProblems, jobsOwnedByCronJob } from './cronjobs';
export {
  detectAutoscalerProblems,
  hpaCpuUtilization,
  HPA_NEAR_MAX_RATIO,
  HPA_NEAR_MAX_MIN_MAX_REPLICAS,
} from './autoscalers';
export { isQuotaExceeded } from './replicaFailure';
export {
  detectWarningEventProblems,
  FAILED_CREATE_EVENT_WINDOW_MS,
} from './events';
export { detectProblems, type ObjectsToCheck } from './detectProblems';
