import { detectProblems } from './detectProblems';
import { compareProblems } from './types';
import type { TrimmedCustomResource } from '../customResources/types';

const now = new Date('2026-11-30T12:00:00Z');

const degraded: TrimmedCustomResource = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'checkout-canary', namespace: 'shop', generation: 2 },
  status: {
    observedGeneration: '2',
    phase: 'Degraded',
    message:
      'ProgressDeadlineExceeded: ReplicaSet "checkout-canary-7f" has timed out progressing.',
  },
};

const ready: TrimmedCustomResource = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'Certificate',
  metadata: { name: 'checkout-tls', namespace: 'shop' },
  status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Ready' }] },
};

describe('detectProblems with custom resources', () => {
  it('turns a Failed custom resource into one CustomResourceFailed error, and nothing for a Current one', () => {
    expect(detectProblems({ customResources: [degraded, ready] }, now)).toEqual(
      [
        {
          code: 'CustomResourceFailed',
          severity: 'error',
          message:
            'Rollout checkout-canary is failing (Degraded: ProgressDeadlineExceeded: ReplicaSet "checkout-canary-7f" has timed out progressing.).',
          suggestedFix: expect.stringContaining(
            'kubectl argo rollouts get rollout checkout-canary -n shop',
          ),
          object: {
            kind: 'Rollout',
            namespace: 'shop',
            name: 'checkout-canary',
          },
        },
      ],
    );
  });

  it('carries the failing condition’s transition time as since', () => {
    const failing: TrimmedCustomResource = {
      ...ready,
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'Failed',
            message: 'issuer letsencrypt not found',
            lastTransitionTime: '2026-11-30T11:00:00Z',
          },
        ],
      },
    };
    expect(detectProblems({ customResources: [failing] }, now)).toEqual([
      expect.objectContaining({
        code: 'CustomResourceFailed',
        since: '2026-11-30T11:00:00.000Z',
        message:
          'Certificate checkout-tls is failing (Failed: issuer letsencrypt not found).',
      }),
    ]);
  });

  it('puts the workload’s own errors before an older failing custom resource', () => {
    const failingSinceYesterday: TrimmedCustomResource = {
      ...degraded,
      status: {
        ...degraded.status,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            lastTransitionTime: '2026-11-29T12:00:00Z',
          },
        ],
      },
    };
    const crashLoop = compareProblems(
      {
        code: 'CrashLoopBackOff',
        severity: 'error',
        message: 'crashing',
        suggestedFix: '',
        object: { kind: 'Pod', name: 'checkout-1' },
        since: '2026-11-30T11:59:00Z',
      },
      detectProblems({ customResources: [failingSinceYesterday] }, now)[0],
    );
    expect(crashLoop).toBeLessThan(0);
  });
});
