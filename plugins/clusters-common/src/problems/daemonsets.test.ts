import type { V1DaemonSet } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { expectProblem, objectRef } from './__testUtils__/expectProblem';
import { itDetects } from './__testUtils__/detectorTests';
import { detectDaemonSetProblems } from './daemonsets';

const daemonSet = (name: string) => loadFixture<V1DaemonSet>(name);

describe('detectDaemonSetProblems', () => {
  itDetects(detectDaemonSetProblems, [
    {
      title:
        'is an error when no node has a ready pod (dev-eu node-agent, never-ready pods)',
      args: [daemonSet('dev-eu.daemonset-not-ready')],
      codes: ['DaemonSetNotReady:error'],
      expected: [
        {
          object: objectRef('DaemonSet', 'problem-fixtures', 'node-agent'),
          since: undefined,
          message:
            'DaemonSet node-agent has 0/3 pods ready (3 scheduled, 3 updated, 3 unavailable).',
          fixContains: [
            'kubectl get pods -n problem-fixtures -o wide -l app=node-agent',
          ],
        },
      ],
    },
    {
      title:
        'reports nothing when every node runs a ready pod (dev-eu log-shipper)',
      args: [daemonSet('dev-eu.daemonset-healthy')],
      codes: [],
    },
  ]);

  it('is a warning when some nodes are ready, and says which nodes have no pod', () => {
    // The real node-agent status after one node's pod turned ready and a fourth node joined.
    const partly = daemonSet('dev-eu.daemonset-not-ready');
    Object.assign(partly.status!, {
      desiredNumberScheduled: 4,
      numberReady: 1,
      numberUnavailable: 3,
    });
    const [problem] = detectDaemonSetProblems(partly);
    expectProblem(problem, {
      severity: 'warning',
      messageContains: ['1/4 pods ready (3 scheduled'],
      fixContains: ['1 node(s) have no pod at all'],
    });
  });
});
