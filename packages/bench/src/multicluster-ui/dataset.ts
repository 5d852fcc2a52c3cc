/**
 * One fleet's worth of Kubernetes objects for the frontend benchmark, and what each contender's
 * backend would send for it: upstream's `getObjectsByEntity` response (the raw objects, as
 * @backstage/plugin-kubernetes-backend returns them) and ours (the entity view and the drawer's
 * workload detail, built from the same objects by the multicluster backend's own view code over
 * objects trimmed by the watch cache's own trim functions).
 */
import type { Entity } from '@backstage/catalog-model';
import type {
  ClusterIdentity,
  EntityView,
  TrimmedReplicaSet,
  WorkloadDetail,
} from '@kubeplatform/clusters-common';
import type { KubernetesApi } from '@backstage/plugin-kubernetes';
import type {
  CachedResource,
  CachedResourceTypes,
  CacheReader,
} from '@kubeplatform/clusters-node';
// The view and trim code are internal to their packages; the bench runs them from source.
/* eslint-disable @backstage/no-relative-monorepo-imports */
import {
  trimPod,
  trimWorkload,
} from '../../../../plugins/clusters-node/src/cache/trim';
import { entityQuery } from '../../../../plugins/multicluster-backend/src/entities/entityQuery';
import { buildEntityView } from '../../../../plugins/multicluster-backend/src/view/buildEntityView';
import { buildWorkloadDetail } from '../../../../plugins/multicluster-backend/src/view/buildWorkloadDetail';
/* eslint-enable @backstage/no-relative-monorepo-imports */

export interface DatasetOptions {
  clusters: number;
  workloadsPerCluster: number;
  podsPerWorkload: number;
}

export const SERVICE = 'checkout';
export const NAMESPACE = 'shop';

export const benchEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: SERVICE,
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': SERVICE },
  },
};

type Obj = Record<string, any>;

interface ClusterObjects {
  identity: ClusterIdentity;
  deployments: Obj[];
  replicasets: Obj[];
  pods: Obj[];
}

const CREATED = '2026-11-20T09:00:00Z';
const STARTED = '2026-11-20T09:00:30Z';

/** Cluster c of the fleet: `workloadsPerCluster` Deployments of the service, each with its pods. */
function clusterObjects(c: number, o: DatasetOptions): ClusterObjects {
  const environments = ['production', 'staging', 'development'];
  const regions = ['us-east-1', 'eu-west-1', 'ap-south-1', 'sa-east-1'];
  const identity: ClusterIdentity = {
    name: `cluster-${String(c).padStart(2, '0')}`,
    environment: environments[c % environments.length],
    region: regions[c % regions.length],
  };
  // Every seventh cluster has one crash-looping pod in the main Deployment.
  const broken = c % 7 === 3;
  const out: ClusterObjects = {
    identity,
    deployments: [],
    replicasets: [],
    pods: [],
  };
  for (let w = 0; w < o.workloadsPerCluster; w++) {
    const name = w === 0 ? SERVICE : `${SERVICE}-worker-${w}`;
    const labels = {
      'backstage.io/kubernetes-id': SERVICE,
      'app.kubernetes.io/name': name,
    };
    const image = `registry.example.com/shop/${name}:1.4.${c % 3}`;
    const podSpec = {
      containers: [
        {
          name: 'app',
          image,
          ports: [{ containerPort: 8080, name: 'http' }],
          resources: {
            requests: { cpu: '100m', memory: '128Mi' },
            limits: { memory: '256Mi' },
          },
          readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
        },
        {
          name: 'envoy',
          image: 'envoyproxy/envoy:v1.30.1',
          resources: { requests: { cpu: '10m', memory: '32Mi' } },
        },
      ],
    };
    const deploymentUid = uid(c, w, 0);
    const n = o.podsPerWorkload;
    const crashing = broken && w === 0 ? 1 : 0;
    out.deployments.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name,
        namespace: NAMESPACE,
        uid: deploymentUid,
        labels,
        generation: 1,
        resourceVersion: String(1000 + w),
        creationTimestamp: CREATED,
        annotations: { 'deployment.kubernetes.io/revision': '1' },
      },
      spec: {
        replicas: n,
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        template: { metadata: { labels }, spec: podSpec },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        },
      },
      status: {
        observedGeneration: 1,
        replicas: n,
        updatedReplicas: n,
        readyReplicas: n - crashing,
        availableReplicas: n - crashing,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            lastUpdateTime: STARTED,
            lastTransitionTime: STARTED,
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            lastUpdateTime: STARTED,
            lastTransitionTime: CREATED,
          },
        ],
      },
    });
    const hash = `7d9f8c6b${w}`;
    const rsName = `${name}-${hash}`;
    const rsUid = uid(c, w, 1);
    const rsLabels = { ...labels, 'pod-template-hash': hash };
    out.replicasets.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: NAMESPACE,
        uid: rsUid,
        labels: rsLabels,
        creationTimestamp: CREATED,
        annotations: { 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name,
            uid: deploymentUid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas: n,
        selector: {
          matchLabels: {
            'app.kubernetes.io/name': name,
            'pod-template-hash': hash,
          },
        },
        template: { metadata: { labels: rsLabels }, spec: podSpec },
      },
      status: {
        replicas: n,
        fullyLabeledReplicas: n,
        readyReplicas: n - crashing,
        availableReplicas: n - crashing,
        observedGeneration: 1,
      },
    });
    for (let p = 0; p < n; p++) {
      const crash = p < crashing;
      const podName = `${rsName}-${suffix(c * 1000 + w * 100 + p)}`;
      out.pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: podName,
          namespace: NAMESPACE,
          uid: uid(c, w, 2 + p),
          labels: rsLabels,
          creationTimestamp: CREATED,
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rsName,
              uid: rsUid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          ...podSpec,
          nodeName: `node-${c}-${p % 12}`,
          serviceAccountName: 'default',
        },
        status: {
          phase: 'Running',
          hostIP: `10.${c}.0.${p % 12}`,
          podIP: `10.${100 + c}.${w}.${p}`,
          startTime: CREATED,
          qosClass: 'Burstable',
          conditions: [
            { type: 'Initialized', status: 'True' },
            { type: 'Ready', status: crash ? 'False' : 'True' },
            { type: 'ContainersReady', status: crash ? 'False' : 'True' },
            { type: 'PodScheduled', status: 'True' },
          ].map(cond => ({ ...cond, lastTransitionTime: STARTED })),
          containerStatuses: podSpec.containers.map((container, i) => ({
            name: container.name,
            image: container.image,
            imageID: `${container.image}@sha256:${'ab'.repeat(32)}`,
            containerID: `containerd://${'cd'.repeat(32)}`,
            started: !(crash && i === 0),
            ready: !(crash && i === 0),
            restartCount: crash && i === 0 ? 12 : 0,
            state:
              crash && i === 0
                ? {
                    waiting: {
                      reason: 'CrashLoopBackOff',
                      message: `back-off 5m0s restarting failed container=app pod=${podName}`,
                    },
                  }
                : { running: { startedAt: STARTED } },
            lastState:
              crash && i === 0
                ? {
                    terminated: {
                      exitCode: 1,
                      reason: 'Error',
                      startedAt: STARTED,
                      finishedAt: STARTED,
                    },
                  }
                : {},
          })),
        },
      });
    }
  }
  return out;
}

function uid(c: number, w: number, i: number): string {
  const hex = (v: number, width: number) => v.toString(16).padStart(width, '0');
  return `${hex(c, 8)}-${hex(w, 4)}-4000-8000-${hex(i, 12)}`;
}

function suffix(i: number): string {
  const letters = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let x = i * 7919 + 104729; out.length < 5; x = Math.floor(x / 27))
    out += letters[x % 27];
  return out;
}

/** The watch cache's view of one cluster: the same objects, trimmed as the cache trims them. */
function cacheReaderOf(cluster: ClusterObjects): CacheReader {
  const objects: { [K in CachedResource]?: CachedResourceTypes[K][] } = {
    deployments: cluster.deployments.map(trimWorkload),
    // The cache trims ReplicaSets as it trims every workload (CACHED_RESOURCES).
    replicasets: cluster.replicasets.map(
      r => trimWorkload(r) as TrimmedReplicaSet,
    ),
    pods: cluster.pods.map(trimPod),
  };
  const all = <K extends CachedResource>(resource: K) =>
    objects[resource] ?? [];
  return {
    identity: cluster.identity,
    list: (resource, namespace) =>
      all(resource).filter(
        o => !namespace || o.metadata?.namespace === namespace,
      ),
    get: (resource, namespace, name) =>
      all(resource).find(
        o => o.metadata?.namespace === namespace && o.metadata.name === name,
      ),
    listByKubernetesId: (resource, id) =>
      all(resource).filter(
        o => o.metadata?.labels?.['backstage.io/kubernetes-id'] === id,
      ),
    listByOwner: (resource, ownerUid) =>
      all(resource).filter(o =>
        o.metadata?.ownerReferences?.some(r => r.uid === ownerUid),
      ),
    eventsFor: () => [],
    status: () => ({ state: 'ok', lastSyncedAt: STARTED, ageSeconds: 0 }),
    restartBaseline: () => undefined,
    podUsage: () => undefined,
    metricsStatus: () => ({ state: 'unavailable' }),
  };
}

export interface Dataset {
  options: DatasetOptions;
  pods: number;
  /** What @backstage/plugin-kubernetes's `getObjectsByEntity` answers (raw objects). */
  upstream: Awaited<ReturnType<KubernetesApi['getObjectsByEntity']>>;
  /** What the multicluster backend answers: the entity view and the drawer's detail. */
  ours: { view: EntityView; detail: WorkloadDetail };
  /** Raw JSON bytes of each answer, as it would cross the network. */
  bytes: { upstream: number; ours: number };
}

export function buildDataset(options: DatasetOptions): Dataset {
  const clusters = Array.from({ length: options.clusters }, (_, c) =>
    clusterObjects(c, options),
  );
  const upstream: Dataset['upstream'] = {
    items: clusters.map(cl => ({
      cluster: { name: cl.identity.name, title: cl.identity.name },
      resources: [
        { type: 'pods', resources: cl.pods },
        { type: 'deployments', resources: cl.deployments },
        { type: 'replicasets', resources: cl.replicasets },
      ],
      podMetrics: [],
      errors: [],
    })),
  };
  const query = entityQuery(benchEntity);
  if ('code' in query) throw new Error(query.message);
  const now = new Date('2026-11-20T10:00:00Z');
  const readers = clusters.map(cacheReaderOf);
  const view = buildEntityView(
    `component:default/${SERVICE}`,
    readers,
    query,
    now,
  );
  const detail = buildWorkloadDetail(
    readers[0],
    query,
    { kind: 'Deployment', namespace: NAMESPACE, name: SERVICE },
    now,
  );
  if (!detail) throw new Error(`no ${SERVICE} Deployment in the first cluster`);
  const ours = { view, detail };
  return {
    options,
    pods: clusters.reduce((n, cl) => n + cl.pods.length, 0),
    upstream,
    ours,
    bytes: {
      upstream: JSON.stringify(upstream).length,
      ours: JSON.stringify(view).length,
    },
  };
}
