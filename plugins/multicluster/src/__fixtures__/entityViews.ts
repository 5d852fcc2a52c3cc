/**
 * EntityView fixtures shaped like the multicluster backend's answers for the demo fleet
 * (clusters dev-eu and prod-us, service checkout). They are typed against clusters-common, so a
 * change to the wire types breaks them at compile time. Problem texts follow the detectors in
 * clusters-common/src/problems word for word.
 */
import {
  ClusterIdentity,
  ClusterView,
  EntityView,
  Problem,
  WorkloadSummary,
} from '@kubeplatform/clusters-common';

export const GENERATED_AT = '2026-11-22T14:00:00.000Z';

export const prodUs: ClusterIdentity = {
  name: 'prod-us',
  title: 'prod-us',
  region: 'us-east-1',
  environment: 'production',
  dashboardUrl: 'http://127.0.0.1:3000/dashboards/prod-us',
};

export const devEu: ClusterIdentity = {
  name: 'dev-eu',
  title: 'dev-eu',
  region: 'eu-west-1',
  environment: 'development',
};

const ok = { state: 'ok' as const, lastSyncedAt: GENERATED_AT, ageSeconds: 0 };

export const crashLoopProblem: Problem = {
  code: 'CrashLoopBackOff',
  severity: 'error',
  message:
    'Container checkout in pod checkout/checkout-7d9f8b6c5-x2x9q is in CrashLoopBackOff after 7 restarts. The last run ended with exit code 1 (Error) at 2026-11-22T13:58:41Z: "panic: PAYMENTS_URL is not set".',
  suggestedFix:
    'Read why the last run exited with `kubectl logs -n checkout checkout-7d9f8b6c5-x2x9q -c checkout --previous`. Fix the crash (bad config, a missing dependency, a failing startup check), then roll out again.',
  object: {
    kind: 'Pod',
    namespace: 'checkout',
    name: 'checkout-7d9f8b6c5-x2x9q',
    container: 'checkout',
  },
  since: '2026-11-22T13:41:07Z',
  cluster: 'prod-us',
};

export const hpaAtMaxProblem: Problem = {
  code: 'HpaAtMaxReplicas',
  severity: 'error',
  message:
    'HorizontalPodAutoscaler checkout is at its maximum of 10 replicas (min 3) for Deployment checkout, with no room to absorb more load. CPU is at 92% of requests against a 70% target.',
  suggestedFix:
    'Raise maxReplicas (check that the namespace quota and the cluster have room for more pods: `kubectl describe resourcequota -n checkout`), or make each replica handle more load. `kubectl describe hpa -n checkout checkout` shows its metrics and recent decisions.',
  object: {
    kind: 'HorizontalPodAutoscaler',
    namespace: 'checkout',
    name: 'checkout',
  },
  since: '2026-11-22T13:30:00Z',
  cluster: 'prod-us',
};

/** checkout's HPA (3 to 10 replicas, 70% CPU target) at `replicas` and `cpu` percent. */
function checkoutAutoscaler(
  replicas: number,
  cpu: number,
): WorkloadSummary['autoscaler'] {
  return {
    name: 'checkout',
    minReplicas: 3,
    maxReplicas: 10,
    currentReplicas: replicas,
    desiredReplicas: replicas,
    targetCpuUtilization: 70,
    currentCpuUtilization: cpu,
    headroom: 10 - replicas,
  };
}

export function checkoutDeployment(
  overrides: Partial<WorkloadSummary> = {},
): WorkloadSummary {
  return {
    kind: 'Deployment',
    namespace: 'checkout',
    name: 'checkout',
    replicas: { desired: 3, ready: 3, updated: 3, available: 3 },
    images: [
      {
        container: 'checkout',
        image: 'registry.local/kubeplatform/checkout:1.4.2',
        tag: '1.4.2',
      },
    ],
    revision: '4',
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
    autoscaler: checkoutAutoscaler(3, 41),
    restarts: { total: 0, lastHour: 0 },
    podPhases: { Running: 3 },
    health: 'healthy',
    problems: [],
    ...overrides,
  };
}

function cacheStatefulSet(): WorkloadSummary {
  return {
    kind: 'StatefulSet',
    namespace: 'checkout',
    name: 'checkout-cache',
    replicas: { desired: 2, ready: 2, updated: 2, available: 2 },
    images: [{ container: 'redis', image: 'redis:7.2.4', tag: '7.2.4' }],
    revision: 'checkout-cache-6c8d7f9b4',
    conditions: [],
    restarts: { total: 0, lastHour: 0 },
    podPhases: { Running: 2 },
    health: 'healthy',
    problems: [],
  };
}

function clusterView(
  cluster: ClusterIdentity,
  workloads: WorkloadSummary[],
  rest: Partial<ClusterView> = {},
): ClusterView {
  const problems = workloads.flatMap(w => w.problems);
  let health: ClusterView['health'] = workloads.length ? 'healthy' : 'unknown';
  if (workloads.some(w => w.health === 'warning')) health = 'warning';
  if (workloads.some(w => w.health === 'error')) health = 'error';
  return { cluster, sync: ok, workloads, problems, health, ...rest };
}

function overallHealth(clusters: ClusterView[]): EntityView['health'] {
  if (clusters.some(c => c.health === 'error')) return 'error';
  if (clusters.some(c => c.health !== 'healthy')) return 'warning';
  return 'healthy';
}

function entityView(
  clusters: ClusterView[],
  rest: Partial<EntityView> = {},
): EntityView {
  return {
    entityRef: 'component:default/checkout',
    generatedAt: GENERATED_AT,
    health: overallHealth(clusters),
    incomplete: clusters.some(c => c.sync.state !== 'ok'),
    clusters,
    drift: [],
    ...rest,
  };
}

/** checkout in dev-eu, healthy on the newer tag 1.5.0-rc.1. */
function checkoutReleaseCandidate(): WorkloadSummary {
  return checkoutDeployment({
    images: [
      {
        container: 'checkout',
        image: 'registry.local/kubeplatform/checkout:1.5.0-rc.1',
        tag: '1.5.0-rc.1',
      },
    ],
  });
}

/** Both clusters healthy, same image. */
export const okView: EntityView = entityView([
  clusterView(prodUs, [checkoutDeployment(), cacheStatefulSet()]),
  clusterView(devEu, [checkoutDeployment()]),
]);

/** prod-us: CrashLoopBackOff and HPA at max; dev-eu healthy on a newer tag (drift). */
export const mixedView: EntityView = entityView(
  [
    clusterView(devEu, [checkoutReleaseCandidate()]),
    clusterView(prodUs, [
      checkoutDeployment({
        replicas: { desired: 10, ready: 9, updated: 10, available: 9 },
        autoscaler: checkoutAutoscaler(10, 92),
        restarts: { total: 7, lastHour: 7 },
        podPhases: { Running: 10 },
        health: 'error',
        problems: [hpaAtMaxProblem, crashLoopProblem],
      }),
      cacheStatefulSet(),
    ]),
  ],
  {
    drift: [
      {
        kind: 'Deployment',
        name: 'checkout',
        container: 'checkout',
        tagsByCluster: { 'prod-us': '1.4.2', 'dev-eu': '1.5.0-rc.1' },
      },
    ],
  },
);

/** Healthy clusters that run different tags. A third cluster makes the odd one out clear. */
export const driftView: EntityView = entityView(
  [
    clusterView(prodUs, [checkoutDeployment()]),
    clusterView(
      { name: 'prod-eu', region: 'eu-west-1', environment: 'production' },
      [checkoutDeployment()],
    ),
    clusterView(devEu, [checkoutReleaseCandidate()]),
  ],
  {
    drift: [
      {
        kind: 'Deployment',
        name: 'checkout',
        container: 'checkout',
        tagsByCluster: {
          'prod-us': '1.4.2',
          'prod-eu': '1.4.2',
          'dev-eu': '1.5.0-rc.1',
        },
      },
    ],
  },
);

/** dev-eu's API server does not answer: no data, never healthy. */
export const unreachableView: EntityView = entityView([
  clusterView(prodUs, [checkoutDeployment()]),
  clusterView(devEu, [], {
    sync: {
      state: 'unreachable',
      reason: 'connect ECONNREFUSED 127.0.0.1:16443',
      lastSyncedAt: '2026-11-22T13:20:00.000Z',
    },
    health: 'unknown',
  }),
]);

/** The backend's service account may not list pods in dev-eu's checkout namespace. */
export const forbiddenView: EntityView = entityView([
  clusterView(prodUs, [checkoutDeployment()]),
  clusterView(devEu, [], {
    sync: {
      state: 'forbidden',
      reason:
        'deployments.apps is forbidden: User "system:serviceaccount:kubeplatform:backstage-limited" cannot list resource "deployments" in API group "apps" in the namespace "checkout"',
    },
    health: 'unknown',
  }),
]);

/** dev-eu's watch dropped 12 minutes ago; its last data is kept. */
export const staleView: EntityView = entityView([
  clusterView(prodUs, [checkoutDeployment()]),
  clusterView(devEu, [checkoutDeployment()], {
    sync: {
      state: 'stale',
      reason: 'watch closed: the API server stopped answering',
      lastSyncedAt: '2026-11-22T13:48:00.000Z',
      ageSeconds: 720,
    },
  }),
]);

/** dev-eu has just been added; its first list is still running. */
export const syncingView: EntityView = entityView([
  clusterView(prodUs, [checkoutDeployment()]),
  clusterView(devEu, [], { sync: { state: 'syncing' }, health: 'unknown' }),
]);

/** An entity without Kubernetes annotations. */
export const emptyView: EntityView = {
  entityRef: 'component:default/legacy-billing',
  generatedAt: GENERATED_AT,
  health: 'unknown',
  incomplete: false,
  clusters: [],
  drift: [],
  explanation: {
    code: 'NoKubernetesAnnotations',
    message:
      'component:default/legacy-billing has neither backstage.io/kubernetes-id nor backstage.io/kubernetes-label-selector, so no workload can be matched to it.',
    example:
      'metadata:\n  annotations:\n    backstage.io/kubernetes-id: legacy-billing\n    # optional: only these namespaces\n    backstage.io/kubernetes-namespace: billing',
  },
};

/**
 * A large fleet: `clusters` clusters in three environments and four regions, each running
 * `workloads` Deployments of `podsPerWorkload` replicas; every seventh cluster has a problem.
 */
export function fleetView(
  clusters: number,
  workloads = 3,
  podsPerWorkload = 10,
): EntityView {
  const environments = ['production', 'staging', 'development'];
  const regions = ['us-east-1', 'eu-west-1', 'ap-south-1', 'sa-east-1'];
  const views: ClusterView[] = [];
  for (let c = 0; c < clusters; c++) {
    const identity: ClusterIdentity = {
      name: `cluster-${String(c).padStart(
        2,
        '0',
      )}-${'very-long-cluster-name-segment-'.repeat(c % 5 === 0 ? 2 : 0)}x`,
      environment: environments[c % environments.length],
      region: regions[c % regions.length],
    };
    const broken = c % 7 === 3;
    const list: WorkloadSummary[] = [];
    for (let w = 0; w < workloads; w++) {
      list.push(
        checkoutDeployment({
          name: w === 0 ? 'checkout' : `checkout-worker-${w}`,
          replicas: {
            desired: podsPerWorkload,
            ready: broken && w === 0 ? podsPerWorkload - 1 : podsPerWorkload,
            updated: podsPerWorkload,
            available: podsPerWorkload,
          },
          podPhases: { Running: podsPerWorkload },
          health: broken && w === 0 ? 'error' : 'healthy',
          problems:
            broken && w === 0
              ? [{ ...crashLoopProblem, cluster: identity.name }]
              : [],
          restarts: { total: broken ? 12 : 0, lastHour: broken ? 4 : 0 },
        }),
      );
    }
    views.push(clusterView(identity, list));
  }
  return entityView(views);
}
