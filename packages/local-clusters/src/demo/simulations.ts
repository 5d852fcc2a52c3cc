/**
 * Pods carrying this label are driven by the kwok Stages in kwokStages.ts instead of kwok's
 * default "become Running" stages. Its value names the trouble to simulate.
 */
export const SIMULATE_LABEL = 'kubeplatform.io/simulate';

export type Simulation =
  | 'crashloop'
  | 'image-pull-backoff'
  | 'oom-killed'
  | 'never-ready'
  | 'fail';
