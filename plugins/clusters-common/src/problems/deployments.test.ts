import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, expectProblem } from './__testUtils__/expectProblem';
import {
  detectDeploymentProblems,
  detectReplicaSetProblems,
} from './deployments';

const deployment = (name: string) => loadFixture<V1Deployment>(name);

describe('detectDeploymentProblems', () => {
  it('reports a rollout stuck past its deadline, and not its expected unavailable pod (prod-us payments)', () => {
    const problems = detectDeploymentProblems(
      deployment('prod-us.deployment-progress-deadline'),
    );
    expect(codes(problems)).toEqual(['ProgressDeadlineExceeded:error']);
    expectProblem(problems[0], {
      object: {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'payments',
      },
      since: '2026-11-22T15:17:09.000Z',
      messageContains: [
        'no progress for 60s',
        '1/2 replicas updated, 2 available',
      ],
      fixContains: [
        'kubectl rollout undo -n shop deployment/payments',
        'kubectl get pods -n shop -l app.kubernetes.io/name=payments',
      ],
    });
  });

  it('reports QuotaExceeded when the ResourceQuota refuses pods (dev-eu, real quota admission)', () => {
    const problems = detectDeploymentProblems(
      deployment('dev-eu.deployment-quota-exceeded'),
    );
    expect(codes(problems)).toEqual([
      'QuotaExceeded:error',
      'UnavailableReplicas:error',
    ]);
    expectProblem(problems[0], {
      object: {
        kind: 'Deployment',
        namespace: 'problem-fixtures-quota',
        name: 'quota-bound',
      },
      since: '2026-11-22T15:16:28.000Z',
      messageContains: ['exceeded quota: pods-quota'],
      fixContains: ['kubectl describe resourcequota -n problem-fixtures-quota'],
    });
    expect(problems[1].message).toContain(
      '2 unavailable replicas (1 of 3 desired available)',
    );
  });

  it('reports QuotaExceeded when even the ReplicaSet is refused (Progressing=False, ReplicaSetCreateError)', () => {
    const problems = detectDeploymentProblems(
      deployment('dev-eu.deployment-replicaset-quota-exceeded'),
    );
    expect(codes(problems)).toEqual(['QuotaExceeded:error']);
    expectProblem(problems[0], {
      since: '2026-11-22T15:19:55.000Z',
      messageContains: ['exceeded quota: no-replicasets'],
    });
  });

  it('reports ReplicaFailure for other refusals (dev-eu, missing ServiceAccount)', () => {
    const problems = detectDeploymentProblems(
      deployment('dev-eu.deployment-replica-failure'),
    );
    expect(codes(problems)).toEqual([
      'ReplicaFailure:error',
      'UnavailableReplicas:error',
    ]);
    expectProblem(problems[0], {
      messageContains: ['serviceaccount "reporting-bot" not found'],
      fixContains: [
        'kubectl get events -n problem-fixtures --field-selector reason=FailedCreate',
      ],
    });
  });

  it('reports UnavailableReplicas as an error below minimum availability (prod-us checkout, crash-looping)', () => {
    const problems = detectDeploymentProblems(
      deployment('prod-us.deployment-crashloop'),
    );
    expect(codes(problems)).toEqual(['UnavailableReplicas:error']);
    expectProblem(problems[0], {
      object: {
        kind: 'Deployment',
        namespace: 'shop',
        name: 'checkout',
      },
      since: '2026-11-22T15:16:05.000Z',
      messageContains: [
        '3 unavailable replicas (0 of 3 desired available), below its minimum availability',
      ],
    });
  });

  it('reports unavailable replicas outside a rollout as a warning', () => {
    // The healthy prod-us search Deployment, after one of its pods stopped being available.
    const degraded = deployment('prod-us.deployment-healthy');
    degraded.status!.availableReplicas = 2;
    degraded.status!.unavailableReplicas = 1;
    const problems = detectDeploymentProblems(degraded);
    expect(codes(problems)).toEqual(['UnavailableReplicas:warning']);
    expect(problems[0].since).toBeUndefined();
  });

  it('reports a third-party condition that is False with a message, as upstream does', () => {
    const withCondition = deployment('prod-us.deployment-healthy');
    withCondition.status!.conditions!.push({
      type: 'PolicyCompliant',
      status: 'False',
      reason: 'ImageNotSigned',
      message: 'image kubeplatform-demo/search:2.0.1 has no valid signature',
      lastTransitionTime: '2026-11-22T15:18:00Z' as unknown as Date,
    });
    const problems = detectDeploymentProblems(withCondition);
    expect(codes(problems)).toEqual(['WorkloadConditionFalse:warning']);
    expectProblem(problems[0], {
      since: '2026-11-22T15:18:00.000Z',
      messageContains: ['PolicyCompliant=False (ImageNotSigned)'],
    });
  });

  it('reports nothing for a healthy Deployment (prod-us search)', () => {
    expect(
      detectDeploymentProblems(deployment('prod-us.deployment-healthy')),
    ).toEqual([]);
  });
});

describe('detectReplicaSetProblems', () => {
  it('leaves a Deployment-owned ReplicaSet to its Deployment', () => {
    expect(
      detectReplicaSetProblems(
        loadFixture<V1ReplicaSet>('dev-eu.replicaset-quota-exceeded'),
      ),
    ).toEqual([]);
  });

  it('reports QuotaExceeded for a ReplicaSet no Deployment owns', () => {
    const problems = detectReplicaSetProblems(
      loadFixture<V1ReplicaSet>('dev-eu.replicaset-standalone-quota-exceeded'),
    );
    expect(codes(problems)).toEqual(['QuotaExceeded:error']);
    expectProblem(problems[0], {
      object: {
        kind: 'ReplicaSet',
        namespace: 'problem-fixtures-quota',
        name: 'batch-worker',
      },
      since: '2026-11-22T15:19:09.000Z',
    });
  });
});
