import type { ClusterWatcher } from '@kubeplatform/clusters-node';

/** What the views read from one cluster's watch cache. */
export type CacheReader = Pick<
  ClusterWatcher,
  | 'identity'
  | 'list'
  | 'get'
  | 'listByKubernetesId'
  | 'listByOwner'
  | 'eventsFor'
  | 'status'
  | 'restartsInLastHour'
>;
