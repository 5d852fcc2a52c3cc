import type { V1StatefulSet } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { detectStatefulSetProblems } from './statefulsets';

const statefulSet = (name: string) => loadFixture<V1StatefulSet>(name);

describe('detectStatefulSetProblems', () => {
  it('is an error when no replica is ready (dev-eu ledger, never-ready pods)', () => {
    const [problem, ...rest] = detectStatefulSetProblems(
      statefulSet('dev-eu.statefulset-not-ready'),
    );
    expect(rest).toEqual([]);
    expect(problem.code).toBe('StatefulSetNotReady');
    expect(problem.severity).toBe('error');
    expect(problem.object).toEqual({
      kind: 'StatefulSet',
      namespace: 'problem-fixtures',
      name: 'ledger',
    });
    expect(problem.since).toBeUndefined();
    expect(problem.message).toBe(
      'StatefulSet ledger has 0/2 replicas ready (1 created).',
    );
    expect(problem.suggestedFix).toContain(
      'kubectl get pods -n problem-fixtures -l app=ledger',
    );
  });

  it('is a warning naming the rolling update when some replicas are ready (dev-eu cache)', () => {
    const [problem] = detectStatefulSetProblems(
      statefulSet('dev-eu.statefulset-rolling-update'),
    );
    expect(problem.code).toBe('StatefulSetNotReady');
    expect(problem.severity).toBe('warning');
    expect(problem.message).toContain('2/3 replicas ready (3 created)');
    expect(problem.message).toContain(
      'rolling update to revision cache-6d7cfd4fc6 is in progress (1/3 updated)',
    );
  });

  it('is an error when quota stops the first pod being created (dev-eu quota-ledger)', () => {
    const [problem] = detectStatefulSetProblems(
      statefulSet('dev-eu.statefulset-quota-exceeded'),
    );
    expect(problem.severity).toBe('error');
    expect(problem.message).toContain('0/2 replicas ready (0 created)');
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
