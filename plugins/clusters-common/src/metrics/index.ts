export * from './types';
export {
  containerRequirements,
  podRequirements,
  podUsageOf,
  sumRequirements,
  totalUsage,
  type PodMetricsObject,
} from './usage';
