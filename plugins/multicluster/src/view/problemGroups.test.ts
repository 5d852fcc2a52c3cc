import { Problem } from '@kubeplatform/clusters-common';
import { capturedDemoView } from '../__fixtures__/captured';
import { groupProblems, podOwnersFromView } from './problemGroups';

const crash = (pod: string, restarts: number, exit = 1): Problem => ({
  code: 'CrashLoopBackOff',
  severity: 'error',
  message: `Container "checkout" in pod ${pod} is in CrashLoopBackOff after ${restarts} restarts. The last run ended with exit code ${exit} (Error).`,
  suggestedFix: `kubectl logs -n shop ${pod} -c checkout --previous`,
  object: { kind: 'Pod', namespace: 'shop', name: pod, container: 'checkout' },
  cluster: 'prod-us',
});

const hpa: Problem = {
  code: 'HpaAtMaxReplicas',
  severity: 'error',
  message: 'at max',
  suggestedFix: 'raise it',
  object: {
    kind: 'HorizontalPodAutoscaler',
    namespace: 'shop',
    name: 'checkout',
  },
  cluster: 'prod-us',
};

const owner = () => ({ kind: 'Deployment', name: 'checkout', podCount: 3 });

describe('groupProblems', () => {
  it('makes one group of the pods of a workload failing for one cause, the most restarted first', () => {
    const groups = groupProblems(
      [
        crash('checkout-a', 3),
        crash('checkout-b', 30),
        crash('checkout-c', 12),
        hpa,
      ],
      owner,
    );
    expect(groups).toHaveLength(2);
    const pods = groups.find(g => g.title)!;
    expect(pods.title).toBe(
      '3 of 3 pods of checkout in prod-us: CrashLoopBackOff, exit 1',
    );
    expect(pods.problems.map(p => p.object.name)).toEqual([
      'checkout-b',
      'checkout-c',
      'checkout-a',
    ]);
    expect(groups.find(g => !g.title)!.lead).toBe(hpa);
  });

  it('keeps different exit codes, clusters and unknown owners apart', () => {
    const groups = groupProblems(
      [
        crash('checkout-a', 3, 1),
        crash('checkout-b', 3, 137),
        { ...crash('checkout-c', 3), cluster: 'dev-eu' },
        crash('bare-pod', 3),
      ],
      p => (p.object.name === 'bare-pod' ? undefined : owner()),
    );
    expect(groups.map(g => g.title)).toEqual([
      '1 of 3 pods of checkout in prod-us: CrashLoopBackOff, exit 1',
      '1 of 3 pods of checkout in prod-us: CrashLoopBackOff, exit 137',
      '1 of 3 pods of checkout in dev-eu: CrashLoopBackOff, exit 1',
      undefined,
    ]);
  });

  it('orders groups worst first: an error group before a warning', () => {
    const warning: Problem = {
      ...hpa,
      code: 'HpaMetricsUnavailable',
      severity: 'warning',
    };
    const groups = groupProblems([warning, crash('checkout-a', 1)], owner);
    expect(groups.map(g => g.lead.code)).toEqual([
      'CrashLoopBackOff',
      'HpaMetricsUnavailable',
    ]);
  });
});

describe('podOwnersFromView', () => {
  it("finds checkout's Deployment and pod count for its crashing pods in the captured demo view", () => {
    const prod = capturedDemoView.clusters.find(
      c => c.cluster.name === 'prod-us',
    )!;
    const podProblem = prod.problems.find(p => p.object.kind === 'Pod')!;
    expect(
      podOwnersFromView(capturedDemoView)({
        ...podProblem,
        cluster: 'prod-us',
      }),
    ).toEqual({ kind: 'Deployment', name: 'checkout', podCount: 3 });
  });
});
