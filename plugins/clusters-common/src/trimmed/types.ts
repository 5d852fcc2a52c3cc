import type {
  V1CronJobStatus,
  V1DaemonSetStatus,
  V1DeploymentStatus,
  V1IngressRule,
  V1IngressStatus,
  V1IngressTLS,
  V1JobStatus,
  V1LabelSelector,
  V1Probe,
  V1ReplicaSetStatus,
  V1ResourceQuotaStatus,
  V1ServicePort,
  V1StatefulSetStatus,
  V2HorizontalPodAutoscalerSpec,
  V2HorizontalPodAutoscalerStatus,
} from '@kubernetes/client-node';

/*
 * The objects the watch cache keeps: only the fields a view or a problem detector reads. `Time` is
 * how timestamps are held. The cache keeps the RFC 3339 strings the API server sends (the
 * default); objects deserialised by @kubernetes/client-node carry Dates instead, and the detectors
 * accept both (`TrimmedPod<KubernetesTimestamp>`).
 */

/** @public */
export interface TrimmedOwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

/**
 * Metadata without managedFields and with only the deployment.kubernetes.io annotations.
 *
 * @public
 */
export interface TrimmedMetadata<Time = string> {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: Time;
  generation?: number;
  deletionTimestamp?: Time;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: TrimmedOwnerReference[];
}

/** @public */
export interface TrimmedCondition<Time = string> {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: Time;
}

/** @public */
export interface TrimmedContainer {
  name: string;
  image?: string;
  readinessProbe?: V1Probe;
  resources?: {
    limits?: Record<string, string>;
    requests?: Record<string, string>;
  };
}

/** @public */
export interface TrimmedPodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec?: { containers: TrimmedContainer[] };
}

/**
 * One of waiting, running or terminated; absent when Kubernetes reports no state.
 *
 * @public
 */
export interface TrimmedContainerState<Time = string> {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: Time };
  terminated?: {
    reason?: string;
    exitCode: number;
    message?: string;
    startedAt?: Time;
    finishedAt?: Time;
  };
}

/** @public */
export interface TrimmedContainerStatus<Time = string> {
  name: string;
  image: string;
  ready: boolean;
  started?: boolean;
  restartCount: number;
  state?: TrimmedContainerState<Time>;
  lastState?: TrimmedContainerState<Time>;
}

/** @public */
export interface TrimmedPod<Time = string> {
  metadata?: TrimmedMetadata<Time>;
  spec?: {
    nodeName?: string;
    containers: TrimmedContainer[];
    initContainers?: TrimmedContainer[];
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    startTime?: Time;
    /** Only Ready, ContainersReady and PodScheduled. */
    conditions?: TrimmedCondition<Time>[];
    containerStatuses?: TrimmedContainerStatus<Time>[];
    initContainerStatuses?: TrimmedContainerStatus<Time>[];
  };
}

/**
 * The spec fields kept of Deployments, ReplicaSets, StatefulSets and DaemonSets.
 *
 * @public
 */
export interface TrimmedWorkloadSpec {
  replicas?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
  selector?: V1LabelSelector;
  template?: TrimmedPodTemplate;
}

/** A workload's status as Kubernetes sends it, with trimmed conditions. */
type WithTrimmedConditions<Status, Time> = Omit<Status, 'conditions'> & {
  conditions?: TrimmedCondition<Time>[];
};

/**
 * A Deployment, ReplicaSet, StatefulSet or DaemonSet: they differ only in the status Kubernetes
 * sends.
 *
 * @public
 */
export interface TrimmedWorkload<Status, Time = string> {
  metadata?: TrimmedMetadata<Time>;
  spec?: TrimmedWorkloadSpec;
  status?: WithTrimmedConditions<Status, Time>;
}

/** @public */
export interface TrimmedDeployment<Time = string>
  extends TrimmedWorkload<V1DeploymentStatus, Time> {}

/** @public */
export interface TrimmedReplicaSet<Time = string>
  extends TrimmedWorkload<V1ReplicaSetStatus, Time> {}

/** @public */
export interface TrimmedStatefulSet<Time = string>
  extends TrimmedWorkload<V1StatefulSetStatus, Time> {}

/** @public */
export interface TrimmedDaemonSet<Time = string>
  extends TrimmedWorkload<V1DaemonSetStatus, Time> {}

/** @public */
export interface TrimmedJob<Time = string> {
  metadata?: TrimmedMetadata<Time>;
  spec?: {
    completions?: number;
    parallelism?: number;
    backoffLimit?: number;
    activeDeadlineSeconds?: number;
    template?: TrimmedPodTemplate;
  };
  status?: Omit<
    WithTrimmedConditions<V1JobStatus, Time>,
    'startTime' | 'completionTime'
  > & { startTime?: Time; completionTime?: Time };
}

/** @public */
export interface TrimmedCronJob<Time = string> {
  metadata?: TrimmedMetadata<Time>;
  spec?: {
    schedule?: string;
    suspend?: boolean;
    jobTemplate?: {
      metadata?: { labels?: Record<string, string> };
      spec?: { template?: TrimmedPodTemplate };
    };
  };
  status?: Omit<V1CronJobStatus, 'lastScheduleTime' | 'lastSuccessfulTime'> & {
    lastScheduleTime?: Time;
    lastSuccessfulTime?: Time;
  };
}

/** @public */
export interface TrimmedHpa<Time = string> {
  metadata?: TrimmedMetadata<Time>;
  spec?: V2HorizontalPodAutoscalerSpec;
  status?: Omit<
    WithTrimmedConditions<V2HorizontalPodAutoscalerStatus, Time>,
    'lastScaleTime'
  > & { lastScaleTime?: Time };
}

/** @public */
export interface TrimmedService<Time = string> {
  metadata?: TrimmedMetadata<Time>;
  spec?: {
    type?: string;
    clusterIP?: string;
    ports?: V1ServicePort[];
    selector?: Record<string, string>;
  };
}

/** @public */
export interface TrimmedIngress<Time = string> {
  metadata?: TrimmedMetadata<Time>;
  spec?: {
    ingressClassName?: string;
    rules?: V1IngressRule[];
    tls?: V1IngressTLS[];
  };
  status?: V1IngressStatus;
}

/** @public */
export interface TrimmedResourceQuota<Time = string> {
  metadata?: TrimmedMetadata<Time>;
  spec?: { hard?: Record<string, string> };
  status?: V1ResourceQuotaStatus;
}

/**
 * An event, Normal or Warning. events.k8s.io's `series` and `eventTime` are folded into `count`,
 * `firstTimestamp` and `lastTimestamp`.
 *
 * @public
 */
export interface TrimmedEvent<Time = string> {
  metadata?: TrimmedMetadata<Time>;
  involvedObject?: {
    kind?: string;
    name?: string;
    namespace?: string;
    uid?: string;
  };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: Time;
  lastTimestamp?: Time;
}
