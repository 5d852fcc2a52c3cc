import { Problem } from '../problems/types';
import type { CustomResourceSummary } from '../customResources/types';
import type { WorkloadKind } from '../workloads/kinds';
import type {
  MetricsStatus,
  ResourceRequirementsSummary,
  WorkloadUsage,
} from '../metrics/types';

/**
 * How fresh a cluster's data is.
 * - ok: the watch is live.
 * - syncing: the first list has not finished yet.
 * - stale: the watch dropped; the last data is kept and shown with its age.
 * - unreachable / timeout: the API server cannot be reached or did not answer in time.
 * - unauthorized: the credentials were refused (401).
 * - forbidden: the credentials are valid but lack rights (403) for some or all resources.
 *
 * @public
 */
export type ClusterSyncState =
  | 'ok'
  | 'syncing'
  | 'stale'
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden';

/**
 * Who a cluster is, as far as a browser may know. Never carries credentials.
 *
 * @public
 */
export interface ClusterIdentity {
  name: string;
  title?: string;
  region?: string;
  environment?: string;
  dashboardUrl?: string;
  /** The dashboard at dashboardUrl, as upstream names it: `standard`, `rancher`, `openshift`, `aks`, `eks`, `gke`, `headlamp`. */
  dashboardApp?: string;
  /** App-specific values for dashboard links, e.g. GKE's `projectId`; never secrets. */
  dashboardParameters?: Record<string, unknown>;
  /**
   * Whose identity reaches the cluster: `service`, one credential of the backend shared by every
   * viewer; `user`, each viewer's own (upstream's `oidc`, `google`, `aks`). See docs/migrating.md.
   */
  authMode?: 'service' | 'user';
  /**
   * For `user` clusters: the upstream `authProvider` whose token the viewer's browser sends
   * (`oidc`, `google`, `aks`), so the frontend knows which of the viewer's sessions to ask.
   * A provider name, never a token.
   */
  authProvider?: string;
  /**
   * For `oidc` clusters: upstream's `oidcTokenProvider`, the name of the viewer's OpenID Connect
   * provider (the frontend's `oidc.<name>` Kubernetes auth provider; the request header
   * `Backstage-Kubernetes-Authorization-Oidc-<name>`).
   */
  oidcTokenProvider?: string;
}

/**
 * The sync state of a cluster, or of one resource type or namespace inside it.
 *
 * @public
 */
export interface SyncStatus {
  state: ClusterSyncState;
  /** A human-readable reason, safe to show (no credentials, no tokens). */
  reason?: string;
  /** ISO timestamp of the last time the data was known to be current. */
  lastSyncedAt?: string;
  /** Seconds since lastSyncedAt, at the time the response was built. */
  ageSeconds?: number;
  /** Resource types or namespaces that are not ok, each with its own state. */
  partial?: Array<{
    resource: string;
    namespace?: string;
    state: ClusterSyncState;
    reason?: string;
  }>;
}

/** @public */
export interface ContainerImage {
  container: string;
  image: string;
  /** The tag or digest part of the image reference, `latest` when none is given. */
  tag: string;
}

/** @public */
export interface AutoscalerSummary {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
  /** Target CPU utilisation in percent, when the HPA has a CPU resource metric. */
  targetCpuUtilization?: number;
  /** Current CPU utilisation in percent, when metrics are available. */
  currentCpuUtilization?: number;
  /** Replicas left before the maximum: maxReplicas - currentReplicas. */
  headroom: number;
}

/** @public */
export interface WorkloadCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** @public */
export type HealthState = 'healthy' | 'warning' | 'error' | 'unknown';

/** @public */
export interface WorkloadSummary {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  replicas: {
    desired: number;
    ready: number;
    updated: number;
    available: number;
  };
  images: ContainerImage[];
  /** Deployment revision annotation, StatefulSet currentRevision, or Job/CronJob generation. */
  revision?: string;
  conditions: WorkloadCondition[];
  autoscaler?: AutoscalerSummary;
  restarts: {
    total: number;
    lastHour: number;
  };
  podPhases: Partial<
    Record<'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown', number>
  >;
  health: HealthState;
  problems: Problem[];
  /**
   * CPU and memory of the workload's pods from `metrics.k8s.io`, against their requests and
   * limits; absent when no pod has a sample (see the cluster's `metrics` status).
   */
  usage?: WorkloadUsage;
}

/** @public */
export interface ClusterView {
  cluster: ClusterIdentity;
  sync: SyncStatus;
  workloads: WorkloadSummary[];
  problems: Problem[];
  health: HealthState;
  /** The entity's custom resources (types from `customResources` config), with their health. */
  customResources?: CustomResourceSummary[];
  /** Whether the cluster's pod metrics are available, skipped or not served. */
  metrics?: MetricsStatus;
}

/**
 * The same workload running different images in different clusters.
 *
 * @public
 */
export interface VersionDrift {
  kind: WorkloadKind;
  name: string;
  container: string;
  /** cluster name -> image tag */
  tagsByCluster: Record<string, string>;
}

/**
 * Why an entity has no view: shown by the UI as an explanation, not as an error.
 *
 * @public
 */
export interface EntityViewExplanation {
  code:
    | 'NoKubernetesAnnotations'
    | 'InvalidLabelSelector'
    | 'InvalidNamespaceAnnotation';
  message: string;
  /** YAML the user can add to catalog-info.yaml to fix it. */
  example?: string;
}

/** @public */
export interface EntityView {
  entityRef: string;
  generatedAt: string;
  health: HealthState;
  /** true when any cluster is not `ok`: the answer may be missing data. */
  incomplete: boolean;
  clusters: ClusterView[];
  drift: VersionDrift[];
  explanation?: EntityViewExplanation;
}

/** @public */
export interface OwnerView {
  ownerRef: string;
  generatedAt: string;
  entities: Array<{
    entityRef: string;
    title?: string;
    health: HealthState;
    incomplete: boolean;
    problemCounts: Record<'error' | 'warning' | 'info', number>;
    topProblem?: Problem;
    clusters: Array<{ cluster: string; health: HealthState; sync: SyncStatus }>;
  }>;
}

/** @public */
export interface ContainerStatusSummary {
  name: string;
  image: string;
  ready: boolean;
  restartCount: number;
  /** `running`, `waiting` or `terminated`, with the reason Kubernetes gives. */
  state: 'running' | 'waiting' | 'terminated' | 'unknown';
  reason?: string;
  lastTerminationReason?: string;
  /** From metrics.k8s.io when the cluster serves it. */
  cpuMillicores?: number;
  memoryBytes?: number;
  /** The container's requests and limits, as numbers. */
  resources?: ResourceRequirementsSummary;
}

/** @public */
export interface PodSummary {
  namespace: string;
  name: string;
  /** The pod's UID: actions on a pod name it, so a pod recreated under that name is not hit. */
  uid?: string;
  phase: string;
  ready: string; // e.g. "1/2"
  restarts: number;
  createdAt?: string;
  nodeName?: string;
  containers: ContainerStatusSummary[];
  /** From metrics.k8s.io when the cluster serves it: the sum over the pod's containers. */
  cpuMillicores?: number;
  memoryBytes?: number;
  /** The pod's requests and limits, summed over its containers. */
  resources?: ResourceRequirementsSummary;
  problems: Problem[];
}

/** @public */
export interface EventSummary {
  type: string; // Normal or Warning
  reason: string;
  message: string;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  involvedObject: { kind: string; name: string; namespace?: string };
}

/**
 * Copyable kubectl commands for one object in one cluster.
 *
 * @public
 */
export interface KubectlCommands {
  context: string;
  commands: Array<{ title: string; command: string }>;
}

/**
 * A Service that selects a workload's pods, with its endpoints as the selector sees them.
 *
 * @public
 */
export interface ServiceSummary {
  namespace: string;
  name: string;
  /** ClusterIP, NodePort, LoadBalancer or ExternalName. */
  type: string;
  /** `None` for a headless Service. */
  clusterIP?: string;
  ports: Array<{
    name?: string;
    protocol: string;
    port: number;
    targetPort?: string;
    nodePort?: number;
  }>;
  selector?: Record<string, string>;
  /** Selected pods that are ready / all selected pods; absent without a selector. */
  endpoints?: { ready: number; total: number };
  health: HealthState;
  problems: Problem[];
}

/**
 * An Ingress that routes to one of a workload's Services.
 *
 * @public
 */
export interface IngressSummary {
  namespace: string;
  name: string;
  ingressClassName?: string;
  /** Each rule's host and path, the link to open it, and the backend it routes to. */
  rules: Array<{
    host?: string;
    path?: string;
    /** `https://host/path` when a TLS entry covers the host, else `http://`; absent without host. */
    url?: string;
    tls: boolean;
    backend?: { service: string; port?: string };
  }>;
  tls: Array<{ hosts: string[]; secretName?: string }>;
  /** Load balancer IPs or host names from the Ingress status. */
  addresses: string[];
}

/**
 * The Services a workload's pods are behind and the Ingresses in front of them.
 *
 * @public
 */
export interface WorkloadNetwork {
  services: ServiceSummary[];
  ingresses: IngressSummary[];
}

/**
 * A ResourceQuota of a workload's namespace and how much of it is used.
 *
 * @public
 */
export interface ResourceQuotaSummary {
  namespace: string;
  name: string;
  resources: Array<{
    resource: string;
    used: string;
    hard: string;
    /** used / hard between 0 and 1 (or above), when both are quantities. */
    fraction?: number;
    atLimit: boolean;
  }>;
  health: HealthState;
  problems: Problem[];
}

/**
 * The drawer's content: one workload in one cluster.
 *
 * @public
 */
export interface WorkloadDetail {
  cluster: ClusterIdentity;
  sync: SyncStatus;
  workload: WorkloadSummary;
  pods: PodSummary[];
  events: EventSummary[];
  kubectl: KubectlCommands;
  /** Services and Ingresses of the entity in front of this workload. */
  network?: WorkloadNetwork;
  /** ResourceQuotas of the workload's namespace. */
  quotas?: ResourceQuotaSummary[];
  /** The workload's page in the cluster's dashboard (http or https only), when it has one. */
  dashboardLink?: string;
  /** Whether the cluster's pod metrics are available, skipped or not served. */
  metrics?: MetricsStatus;
}
