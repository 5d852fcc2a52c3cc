export type { CacheReader } from '@kubeplatform/clusters-node';
