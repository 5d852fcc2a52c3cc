import type { V1StatefulSet } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { objectRef } from './__testUtils__/expectProblem';
import { itDetects } from './__testUtils__/detectorTests';
import { detectStatefulSetProblems } from './statefulsets';

const statefulSet = (name: string) => loadFixture<V1StatefulSet>(name);

describe('detectStatefulSetProblems', () => {
  itDetects(detectStatefulSetProblems, [
    {
      title:
        'is an error when no replica is ready (dev-eu ledger, never-ready pods)',
      args: [statefulSet('dev-eu.statefulset-not-ready')],
      codes: ['StatefulSetNotReady:error'],
      expected: [
        {
          object: objectRef('StatefulSet', 'problem-fixtures', 'ledger'),
          since: undefined,
          message: 'StatefulSet ledger has 0/2 replicas ready (1 created).',
          fixContains: ['kubectl get pods -n problem-fixtures -l app=ledger'],
        },
      ],
    },
    {
      title:
        'is a warning naming the rolling update when some replicas are ready (dev-eu cache)',
      args: [statefulSet('dev-eu.statefulset-rolling-update')],
      codes: ['StatefulSetNotReady:warning'],
      expected: [
        {
          messageContains: [
            '2/3 replicas ready (3 created)',
            'rolling update to revision cache-6d7cfd4fc6 is in progress (1/3 updated)',
          ],
        },
      ],
    },
    {
      title:
        'is an error when quota stops the first pod being created (dev-eu quota-ledger)',
      args: [statefulSet('dev-eu.statefulset-quota-exceeded')],
      codes: ['StatefulSetNotReady:error'],
      expected: [{ messageContains: ['0/2 replicas ready (0 created)'] }],
    },
    {
      title: 'reports nothing when every replica is ready (dev-eu)',
      args: [statefulSet('dev-eu.statefulset-healthy')],
      codes: [],
    },
    {
      title: 'reports nothing when every replica is ready (prod-us catalog-db)',
      args: [statefulSet('prod-us.statefulset-catalog-db')],
      codes: [],
    },
  ]);
});
