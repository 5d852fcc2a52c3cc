import type { V1DaemonSet } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { detectDaemonSetProblems } from './daemonsets';

const daemonSet = (name: string) => loadFixture<V1DaemonSet>(name);

describe('detectDaemonSetProblems', () => {
  it('is an error when no node has a ready pod (dev-eu node-agent, never-ready pods)', () => {
    const [problem, ...rest] = detectDaemonSetProblems(
      daemonSet('dev-eu.daemonset-not-ready'),
    );
    expect(rest).toEqual([]);
    expect(problem.code).toBe('DaemonSetNotReady');
    expect(problem.severity).toBe('error');
    expect(problem.object).toEqual({
      kind: 'DaemonSet',
      namespace: 'problem-fixtures',
      name: 'node-agent',
    });
    expect(problem.since).toBeUndefined();
    expect(problem.message).toBe(
      'DaemonSet node-agent has 0/3 pods ready (3 scheduled, 3 updated, 3 unavailable).',
    );
    expect(problem.suggestedFix).toContain(
      'kubectl get pods -n problem-fixtures -o wide -l app=node-agent',
    );
  });

  it('is a warning when some nodes are ready, and says which nodes have no pod', () => {
    // The real node-agent status after one node's pod turned ready and a fourth node joined.
    const partly = daemonSet('dev-eu.daemonset-not-ready');
    Object.assign(partly.status!, {
      desiredNumberScheduled: 4,
      numberReady: 1,
      numberUnavailable: 3,
    });
    const [problem] = detectDaemonSetProblems(partly);
    expect(problem.severity).toBe('warning');
    expect(problem.message).toContain('1/4 pods ready (3 scheduled');
    expect(problem.suggestedFix).toContain('1 node(s) have no pod at all');
  });

  it('reports nothing when every node runs a ready pod (dev-eu log-shipper)', () => {
    expect(
      detectDaemonSetProblems(daemonSet('dev-eu.daemonset-healthy')),
    ).toEqual([]);
  });
});
