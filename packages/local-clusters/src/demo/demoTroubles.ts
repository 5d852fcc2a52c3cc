import type { ProblemCode } from '@kubeplatform/clusters-common';

/**
 * A deliberate trouble seeded into the demo fleet, and the problem code a detector must report.
 * Integration tests assert on these, so every entry is produced by `yarn clusters up`.
 *
 * For `kind: 'Pod'`, pods have generated names: `name` is the owning workload, `ownerKind` its
 * kind, and `podSelector` a label selector that matches exactly that workload's pods.
 */
export interface DemoTrouble {
  cluster: string;
  namespace: string;
  service: string;
  kind: 'Pod' | 'Deployment' | 'HorizontalPodAutoscaler' | 'Job';
  name: string;
  ownerKind?: 'Deployment';
  podSelector?: string;
  code: ProblemCode;
  /** How the trouble is produced, for people reading test failures. */
  how: string;
}

const podsOf = (name: string) => ({
  name,
  ownerKind: 'Deployment' as const,
  podSelector: `app.kubernetes.io/name=${name}`,
});

export const DEMO_TROUBLES: readonly DemoTrouble[] = [
  {
    cluster: 'prod-us',
    namespace: 'shop',
    service: 'checkout',
    kind: 'Pod',
    ...podsOf('checkout'),
    code: 'CrashLoopBackOff',
    how: 'kwok Stage kubeplatform-crashloop-*: the container keeps exiting, restart count grows',
  },
  {
    cluster: 'prod-us',
    namespace: 'shop',
    service: 'checkout',
    kind: 'HorizontalPodAutoscaler',
    name: 'checkout',
    code: 'HpaAtMaxReplicas',
    how: 'Deployment asks for 5 replicas; the HPA controller scales it down to maxReplicas 3',
  },
  {
    cluster: 'prod-us',
    namespace: 'shop',
    service: 'payments',
    kind: 'Deployment',
    name: 'payments',
    code: 'ProgressDeadlineExceeded',
    how: 'rollout to 2.4.0 whose pods never pass readiness; progressDeadlineSeconds 60',
  },
  {
    cluster: 'prod-us',
    namespace: 'discovery',
    service: 'search',
    kind: 'Job',
    name: 'search-reindex',
    code: 'JobFailed',
    how: 'kwok Stage kubeplatform-fail fails every pod; backoffLimit 1',
  },
  {
    cluster: 'prod-us',
    namespace: 'discovery',
    service: 'notifications',
    kind: 'Pod',
    ...podsOf('notifications'),
    code: 'OOMKilled',
    how: 'kwok Stage kubeplatform-oom-killed: last termination OOMKilled (137), restarted once',
  },
  {
    cluster: 'dev-eu',
    namespace: 'shop',
    service: 'catalog-api',
    kind: 'Pod',
    ...podsOf('catalog-api'),
    code: 'ImagePullBackOff',
    how: 'kwok Stage kubeplatform-image-pull-backoff for the unpublished tag 3.0.0-rc.1',
  },
  {
    cluster: 'dev-eu',
    namespace: 'shop',
    service: 'payments',
    kind: 'HorizontalPodAutoscaler',
    name: 'payments',
    code: 'HpaNearMaxReplicas',
    how: 'the HPA controller holds 9 current replicas with maxReplicas 10 (near = at least 90% of a max of 10 or more)',
  },
  {
    cluster: 'dev-eu',
    namespace: 'discovery',
    service: 'notifications',
    kind: 'Pod',
    ...podsOf('notifications'),
    code: 'Unschedulable',
    how: 'the real scheduler: pods request 64 CPUs, no fake node has that much',
  },
];

/** A service that runs a different image tag per cluster. */
export interface DemoDrift {
  service: string;
  namespace: string;
  kind: 'Deployment';
  name: string;
  container: string;
  tags: Record<string, string>;
}

export const DEMO_DRIFT: readonly DemoDrift[] = [
  {
    service: 'checkout',
    namespace: 'shop',
    kind: 'Deployment',
    name: 'checkout',
    container: 'checkout',
    tags: { 'dev-eu': '1.5.0', 'prod-us': '1.4.2' },
  },
];
