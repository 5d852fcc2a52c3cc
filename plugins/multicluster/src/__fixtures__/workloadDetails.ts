/** WorkloadDetail and OwnerView fixtures for the demo fleet, typed against clusters-common. */
import {
  OwnerView,
  PodSummary,
  WorkloadDetail,
} from '@kubeplatform/clusters-common';
import {
  crashLoopProblem,
  hpaAtMaxProblem,
  mixedView,
  prodUs,
} from './entityViews';

function pod(i: number, overrides: Partial<PodSummary> = {}): PodSummary {
  return {
    namespace: 'checkout',
    name: `checkout-7d9f8b6c5-${String(i).padStart(5, 'a')}`,
    phase: 'Running',
    ready: '1/1',
    restarts: 0,
    createdAt: '2026-11-22T12:00:00Z',
    nodeName: `kwok-node-${i % 3}`,
    containers: [
      {
        name: 'checkout',
        image: 'registry.local/kubeplatform/checkout:1.4.2',
        ready: true,
        restartCount: 0,
        state: 'running',
      },
      {
        name: 'envoy',
        image: 'envoyproxy/envoy:v1.30.1',
        ready: true,
        restartCount: 0,
        state: 'running',
      },
    ],
    cpuMillicores: 120 + i,
    memoryBytes: 180 * 1024 * 1024,
    problems: [],
    ...overrides,
  };
}

export const crashingPod: PodSummary = pod(0, {
  name: 'checkout-7d9f8b6c5-x2x9q',
  ready: '1/2',
  restarts: 7,
  containers: [
    {
      name: 'checkout',
      image: 'registry.local/kubeplatform/checkout:1.4.2',
      ready: false,
      restartCount: 7,
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      lastTerminationReason: 'Error',
    },
    {
      name: 'envoy',
      image: 'envoyproxy/envoy:v1.30.1',
      ready: true,
      restartCount: 0,
      state: 'running',
    },
  ],
  problems: [crashLoopProblem],
});

export function podsFor(count: number): PodSummary[] {
  return [
    crashingPod,
    ...Array.from({ length: count - 1 }, (_, i) => pod(i + 1)),
  ];
}

const prodCheckout = mixedView.clusters.find(c => c.cluster.name === 'prod-us')!
  .workloads[0];

/** checkout in prod-us: ten pods, one crash-looping, HPA at max. */
export const checkoutProdDetail: WorkloadDetail = {
  cluster: prodUs,
  sync: {
    state: 'ok',
    lastSyncedAt: '2026-11-22T14:00:00.000Z',
    ageSeconds: 0,
  },
  workload: prodCheckout,
  pods: podsFor(10),
  events: [
    {
      type: 'Warning',
      reason: 'BackOff',
      message:
        'Back-off restarting failed container checkout in pod checkout-7d9f8b6c5-x2x9q_checkout',
      count: 31,
      firstSeen: '2026-11-22T13:41:07Z',
      lastSeen: '2026-11-22T13:59:30Z',
      involvedObject: {
        kind: 'Pod',
        name: 'checkout-7d9f8b6c5-x2x9q',
        namespace: 'checkout',
      },
    },
    {
      type: 'Normal',
      reason: 'SuccessfulRescale',
      message:
        'New size: 10; reason: cpu resource utilization (percentage of request) above target',
      count: 1,
      firstSeen: '2026-11-22T13:30:00Z',
      lastSeen: '2026-11-22T13:30:00Z',
      involvedObject: {
        kind: 'HorizontalPodAutoscaler',
        name: 'checkout',
        namespace: 'checkout',
      },
    },
  ],
  kubectl: {
    context: 'prod-us',
    commands: [
      {
        title: 'Describe the Deployment',
        command:
          'kubectl --context prod-us -n checkout describe deployment checkout',
      },
      {
        title: 'List its pods',
        command:
          'kubectl --context prod-us -n checkout get pods -l backstage.io/kubernetes-id=checkout',
      },
      {
        title: 'Follow the logs',
        command:
          'kubectl --context prod-us -n checkout logs -f deployment/checkout',
      },
    ],
  },
};

/** The same workload with `pods` pods: for the 1000-pod and benchmark cases. */
export function detailWithPods(pods: number): WorkloadDetail {
  return { ...checkoutProdDetail, pods: podsFor(pods) };
}

type OwnedEntity = OwnerView['entities'][number];

/** An owned entity's cell for a cluster whose data is in sync. */
function syncedIn(
  cluster: string,
  health: OwnedEntity['health'] = 'healthy',
): OwnedEntity['clusters'][number] {
  return { cluster, health, sync: { state: 'ok' } };
}

const noProblems = { error: 0, warning: 0, info: 0 };

/** The team view of group:default/team-checkout. */
export const teamCheckoutOwnerView: OwnerView = {
  ownerRef: 'group:default/team-checkout',
  generatedAt: '2026-11-22T14:00:00.000Z',
  entities: [
    {
      entityRef: 'component:default/payments',
      title: 'Payments',
      health: 'healthy',
      incomplete: false,
      problemCounts: noProblems,
      clusters: [syncedIn('prod-us'), syncedIn('dev-eu')],
    },
    {
      entityRef: 'component:default/search',
      health: 'unknown',
      incomplete: true,
      problemCounts: noProblems,
      clusters: [
        syncedIn('prod-us'),
        {
          cluster: 'dev-eu',
          health: 'unknown',
          sync: {
            state: 'unreachable',
            reason: 'connect ECONNREFUSED 127.0.0.1:16443',
          },
        },
      ],
    },
    {
      entityRef: 'component:default/checkout',
      title: 'Checkout',
      health: 'error',
      incomplete: false,
      problemCounts: { error: 2, warning: 0, info: 0 },
      topProblem: hpaAtMaxProblem,
      clusters: [syncedIn('prod-us', 'error'), syncedIn('dev-eu')],
    },
  ],
};
