import type {
  TrimmedCronJob,
  TrimmedCustomResource,
  TrimmedDaemonSet,
  TrimmedDeployment,
  TrimmedEvent,
  TrimmedHpa,
  TrimmedIngress,
  TrimmedJob,
  TrimmedMetadata,
  TrimmedPod,
  TrimmedReplicaSet,
  TrimmedResourceQuota,
  TrimmedService,
  TrimmedStatefulSet,
} from '@kubeplatform/clusters-common';
import {
  ApiObject,
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

/**
 * Every resource type the watch cache lists and watches, and the trimmed type it stores.
 *
 * @public
 */
export interface CachedResourceTypes {
  pods: TrimmedPod;
  deployments: TrimmedDeployment;
  replicasets: TrimmedReplicaSet;
  statefulsets: TrimmedStatefulSet;
  daemonsets: TrimmedDaemonSet;
  jobs: TrimmedJob;
  cronjobs: TrimmedCronJob;
  horizontalpodautoscalers: TrimmedHpa;
  services: TrimmedService;
  ingresses: TrimmedIngress;
  resourcequotas: TrimmedResourceQuota;
  events: TrimmedEvent;
  /** Every type named in `customResources` config, in one collection. */
  customresources: TrimmedCustomResource;
}

/** @public */
export type CachedResource = keyof CachedResourceTypes;

/**
 * Any object the cache holds.
 *
 * @public
 */
export type CachedObject = CachedResourceTypes[CachedResource];

/**
 * What client-node's ListWatch is told about a cached object: its identity and version. The
 * timestamps stay out of this type because client-node declares them as Dates, while the cache
 * holds the strings the API server sent.
 */
export interface WatchedObject {
  metadata?: Pick<
    TrimmedMetadata,
    'name' | 'namespace' | 'uid' | 'resourceVersion' | 'labels'
  >;
}

export interface CachedResourceDefinition<
  K extends CachedResource = CachedResource,
> {
  resource: K;
  kind: string;
  /** `/api/v1` or `/apis/<group>/<version>`. */
  apiPrefix: string;
  fieldSelector?: string;
  /** For custom resources: the API's plural and group, which the cache key does not say. */
  plural?: string;
  group?: string;
  trim(raw: ApiObject): CachedResourceTypes[K];
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
    trim: trimEvent,
  },
];

/** The collection path, cluster-wide or in one namespace. */
export function collectionPath(
  def: CachedResourceDefinition,
  namespace?: string,
): string {
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${def.apiPrefix}${ns}/${def.plural ?? def.resource}`;
}

/** How a watch names its resource type in states and errors, e.g. `rollouts.argoproj.io`. */
export function resourceLabel(def: CachedResourceDefinition): string {
  return def.plural ? `${def.plural}.${def.group}` : def.resource;
}
