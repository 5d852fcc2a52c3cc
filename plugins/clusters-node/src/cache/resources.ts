import type {
  CoreV1Event,
  KubernetesObject,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Ingress,
  V1Job,
  V1Pod,
  V1ReplicaSet,
  V1ResourceQuota,
  V1Service,
  V1StatefulSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import {
  trimCronJob,
  trimEvent,
  trimHpa,
  trimIngress,
  trimJob,
  trimPod,
  trimResourceQuota,
  trimService,
  trimWorkload,
} from './trim';

/** Every resource type the watch cache lists and watches, and the (trimmed) type it stores. */
export interface CachedResourceTypes {
  pods: V1Pod;
  deployments: V1Deployment;
  replicasets: V1ReplicaSet;
  statefulsets: V1StatefulSet;
  daemonsets: V1DaemonSet;
  jobs: V1Job;
  cronjobs: V1CronJob;
  horizontalpodautoscalers: V2HorizontalPodAutoscaler;
  services: V1Service;
  ingresses: V1Ingress;
  resourcequotas: V1ResourceQuota;
  events: CoreV1Event;
}

export type CachedResource = keyof CachedResourceTypes;

export interface CachedResourceDefinition {
  resource: CachedResource;
  kind: string;
  /** `/api/v1` or `/apis/<group>/<version>`. */
  apiPrefix: string;
  fieldSelector?: string;
  trim(obj: any): KubernetesObject;
}

export const CACHED_RESOURCES: readonly CachedResourceDefinition[] = [
  { resource: 'pods', kind: 'Pod', apiPrefix: '/api/v1', trim: trimPod },
  {
    resource: 'deployments',
    kind: 'Deployment',
    apiPrefix: '/apis/apps/v1',
    trim: trimWorkload,
  },
  {
    resource: 'replicasets',
    kind: 'ReplicaSet',
    apiPrefix: '/apis/apps/v1',
    trim: trimWorkload,
  },
  {
    resource: 'statefulsets',
    kind: 'StatefulSet',
    apiPrefix: '/apis/apps/v1',
    trim: trimWorkload,
  },
  {
    resource: 'daemonsets',
    kind: 'DaemonSet',
    apiPrefix: '/apis/apps/v1',
    trim: trimWorkload,
  },
  { resource: 'jobs', kind: 'Job', apiPrefix: '/apis/batch/v1', trim: trimJob },
  {
    resource: 'cronjobs',
    kind: 'CronJob',
    apiPrefix: '/apis/batch/v1',
    trim: trimCronJob,
  },
  {
    resource: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    apiPrefix: '/apis/autoscaling/v2',
    trim: trimHpa,
  },
  {
    resource: 'services',
    kind: 'Service',
    apiPrefix: '/api/v1',
    trim: trimService,
  },
  {
    resource: 'ingresses',
    kind: 'Ingress',
    apiPrefix: '/apis/networking.k8s.io/v1',
    trim: trimIngress,
  },
  {
    resource: 'resourcequotas',
    kind: 'ResourceQuota',
    apiPrefix: '/api/v1',
    trim: trimResourceQuota,
  },
  {
    resource: 'events',
    kind: 'Event',
    apiPrefix: '/api/v1',
    fieldSelector: 'type=Warning',
    trim: trimEvent,
  },
];

/** The collection path, cluster-wide or in one namespace. */
export function collectionPath(
  def: CachedResourceDefinition,
  namespace?: string,
): string {
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${def.apiPrefix}${ns}/${def.resource}`;
}
