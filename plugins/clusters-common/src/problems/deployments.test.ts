import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, expectProblem, objectRef } from './__testUtils__/expectProblem';
import { itDetects } from './__testUtils__/detectorTests';
import {
  detectDeploymentProblems,
  detectReplicaSetProblems,
} from './deployments';

const deployment = (name: string) => loadFixture<V1Deployment>(name);

describe('detectDeploymentProblems', () => {
  itDetects(detectDeploymentProblems, [
    {
      title:
        'reports a rollout stuck past its deadline, and not its expected unavailable pod (prod-us payments)',
      args: [deployment('prod-us.deployment-progress-deadline')],
      codes: ['ProgressDeadlineExceeded:error'],
      expected: [
        {
          object: objectRef('Deployment', 'shop', 'payments'),
          since: '2026-11-22T15:17:09.000Z',
          messageContains: [
            'no progress for 60s',
            '1/2 replicas updated, 2 available',
          ],
          fixContains: [
            'kubectl rollout undo -n shop deployment/payments',
            'kubectl get pods -n shop -l app.kubernetes.io/name=payments',
          ],
        },
      ],
    },
    {
      title:
        'reports QuotaExceeded when the ResourceQuota refuses pods (dev-eu, real quota admission)',
      args: [deployment('dev-eu.deployment-quota-exceeded')],
      codes: ['QuotaExceeded:error', 'UnavailableReplicas:error'],
      expected: [
        {
          object: objectRef(
            'Deployment',
            'problem-fixtures-quota',
            'quota-bound',
          ),
          since: '2026-11-22T15:16:28.000Z',
          messageContains: ['exceeded quota: pods-quota'],
          fixContains: [
            'kubectl describe resourcequota -n problem-fixtures-quota',
          ],
        },
        {
          messageContains: [
            '2 unavailable replicas (1 of 3 desired available)',
          ],
        },
      ],
    },
    {
      title:
        'reports QuotaExceeded when even the ReplicaSet is refused (Progressing=False, ReplicaSetCreateError)',
      args: [deployment('dev-eu.deployment-replicaset-quota-exceeded')],
      codes: ['QuotaExceeded:error'],
      expected: [
        {
          since: '2026-11-22T15:19:55.000Z',
          messageContains: ['exceeded quota: no-replicasets'],
        },
      ],
    },
    {
      title:
        'reports ReplicaFailure for other refusals (dev-eu, missing ServiceAccount)',
      args: [deployment('dev-eu.deployment-replica-failure')],
      codes: ['ReplicaFailure:error', 'UnavailableReplicas:error'],
      expected: [
        {
          messageContains: ['serviceaccount "reporting-bot" not found'],
          fixContains: [
            'kubectl get events -n problem-fixtures --field-selector reason=FailedCreate',
          ],
        },
      ],
    },
    {
      title:
        'reports UnavailableReplicas as an error below minimum availability (prod-us checkout, crash-looping)',
      args: [deployment('prod-us.deployment-crashloop')],
      codes: ['UnavailableReplicas:error'],
      expected: [
        {
          object: objectRef('Deployment', 'shop', 'checkout'),
          since: '2026-11-22T15:16:05.000Z',
          messageContains: [
            '3 unavailable replicas (0 of 3 desired available), below its minimum availability',
          ],
        },
      ],
    },
    {
      title: 'reports nothing for a healthy Deployment (prod-us search)',
      args: [deployment('prod-us.deployment-healthy')],
      codes: [],
    },
  ]);

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
});

describe('detectReplicaSetProblems', () => {
  const replicaSet = (name: string) => loadFixture<V1ReplicaSet>(name);

  itDetects(detectReplicaSetProblems, [
    {
      title: 'leaves a Deployment-owned ReplicaSet to its Deployment',
      args: [replicaSet('dev-eu.replicaset-quota-exceeded')],
      codes: [],
    },
    {
      title: 'reports QuotaExceeded for a ReplicaSet no Deployment owns',
      args: [replicaSet('dev-eu.replicaset-standalone-quota-exceeded')],
      codes: ['QuotaExceeded:error'],
      expected: [
        {
          object: objectRef(
            'ReplicaSet',
            'problem-fixtures-quota',
            'batch-worker',
          ),
          since: '2026-11-22T15:19:09.000Z',
        },
      ],
    },
  ]);
});
