import type { V1StatefulSet } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, expectProblem } from './__testUtils__/expectProblem';
import { detectStatefulSetProblems } from './statefulsets';

const statefulSet = (name: string) => loadFixture<V1StatefulSet>(name);

describe('detectStatefulSetProblems', () => {
  it('is an error when no replica is ready (dev-eu ledger, never-ready pods)', () => {
    const problems = detectStatefulSetProblems(
      statefulSet('dev-eu.statefulset-not-ready'),
    );
    expect(codes(problems)).toEqual(['StatefulSetNotReady:error']);
    expectProblem(problems[0], {
      object: {
        kind: 'StatefulSet',
        namespace: 'problem-fixtures',
        name: 'ledger',
      },
      since: undefined,
      message: 'StatefulSet ledger has 0/2 replicas ready (1 created).',
      fixContains: ['kubectl get pods -n problem-fixtures -l app=ledger'],
    });
  });

  it('is a warning naming the rolling update when some replicas are ready (dev-eu cache)', () => {
    const [problem] = detectStatefulSetProblems(
      statefulSet('dev-eu.statefulset-rolling-update'),
    );
    expectProblem(problem, {
      code: 'StatefulSetNotReady',
      severity: 'warning',
      messageContains: [
        '2/3 replicas ready (3 created)',
        'rolling update to revision cache-6d7cfd4fc6 is in progress (1/3 updated)',
      ],
    });
  });

  it('is an error when quota stops the first pod being created (dev-eu quota-ledger)', () => {
    const [problem] = detectStatefulSetProblems(
      statefulSet('dev-eu.statefulset-quota-exceeded'),
    );
    expectProblem(problem, {
      severity: 'error',
      messageContains: ['0/2 replicas ready (0 created)'],
    });
  });

  it('reports nothing when every replica is ready', () => {
    expect(
      detectStatefulSetProblems(statefulSet('dev-eu.statefulset-healthy')),
    ).toEqual([]);
    expect(
      detectStatefulSetProblems(statefulSet('prod-us.statefulset-catalog-db')),
    ).toEqual([]);
  });
});
