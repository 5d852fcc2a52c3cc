import { customResourceHealth } from './kindRules';
import type { TrimmedCondition } from '../trimmed';
import type { TrimmedCustomResource } from './types';

const cond = (
  type: string,
  status: string,
  reason?: string,
  message?: string,
) => ({
  type,
  status,
  ...(reason && { reason }),
  ...(message && { message }),
  lastTransitionTime: '2026-11-30T10:00:00Z',
});

function rollout(
  status: TrimmedCustomResource['status'],
  spec: TrimmedCustomResource['spec'] = { replicas: 3 },
): TrimmedCustomResource {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'checkout', namespace: 'shop', generation: 4 },
    spec,
    status,
  };
}

describe('Argo Rollouts Rollout', () => {
  it('is Current when the phase is Healthy', () => {
    expect(
      customResourceHealth(
        rollout({
          observedGeneration: '4',
          phase: 'Healthy',
          conditions: [
            cond('Available', 'True', 'AvailableReason'),
            cond('Progressing', 'True', 'NewReplicaSetAvailable'),
          ],
        }),
      ),
    ).toEqual({ status: 'Current', reason: 'Healthy', rule: 'argo-rollouts' });
  });

  it('is Failed when the phase is Degraded, with the status message', () => {
    expect(
      customResourceHealth(
        rollout({
          observedGeneration: 4,
          phase: 'Degraded',
          message: 'RolloutAborted: Rollout aborted update to revision 5',
          conditions: [cond('Progressing', 'False', 'RolloutAborted')],
        }),
      ),
    ).toEqual({
      status: 'Failed',
      reason: 'Degraded',
      message: 'RolloutAborted: Rollout aborted update to revision 5',
      rule: 'argo-rollouts',
    });
  });

  it('is Failed when the progress deadline was exceeded, or the spec is invalid', () => {
    expect(
      customResourceHealth(
        rollout({
          observedGeneration: '4',
          phase: 'Progressing',
          conditions: [
            cond(
              'Progressing',
              'False',
              'ProgressDeadlineExceeded',
              'ReplicaSet "checkout-6d9" has timed out progressing.',
            ),
          ],
        }),
      ),
    ).toMatchObject({
      status: 'Failed',
      reason: 'ProgressDeadlineExceeded',
      since: '2026-11-30T10:00:00.000Z',
    });
    expect(
      customResourceHealth(
        rollout({
          observedGeneration: '4',
          conditions: [
            cond('InvalidSpec', 'True', 'InvalidSpec', 'missing strategy'),
          ],
        }),
      ),
    ).toMatchObject({ status: 'Failed', message: 'missing strategy' });
  });

  it('is Suspended when Paused, InProgress when Progressing or not yet observed', () => {
    expect(
      customResourceHealth(
        rollout({
          observedGeneration: '4',
          phase: 'Paused',
          message: 'CanaryPauseStep',
        }),
      ).status,
    ).toBe('Suspended');
    expect(
      customResourceHealth(
        rollout({ observedGeneration: '4', phase: 'Progressing' }),
      ).status,
    ).toBe('InProgress');
    expect(
      customResourceHealth(
        rollout({ observedGeneration: '3', phase: 'Healthy' }),
      ),
    ).toMatchObject({
      status: 'InProgress',
      message: 'Waiting for rollout spec update to be observed',
    });
  });
});

function certificate(
  conditions: TrimmedCondition[] | undefined,
): TrimmedCustomResource {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'checkout-tls', namespace: 'shop', generation: 1 },
    spec: {
      secretName: 'checkout-tls',
      issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' },
    },
    status: { conditions },
  };
}

describe('cert-manager Certificate', () => {
  it('is Current when Ready is True', () => {
    expect(
      customResourceHealth(
        certificate([
          cond(
            'Ready',
            'True',
            'Ready',
            'Certificate is up to date and has not expired',
          ),
        ]),
      ),
    ).toMatchObject({
      status: 'Current',
      reason: 'Ready',
      rule: 'cert-manager',
    });
  });

  it('is Failed when Ready is False, with the reason', () => {
    expect(
      customResourceHealth(
        certificate([
          cond(
            'Ready',
            'False',
            'DoesNotExist',
            'Issuing certificate as Secret does not exist',
          ),
          cond(
            'Issuing',
            'False',
            'Failed',
            'The certificate request has failed to complete and will be retried',
          ),
        ]),
      ),
    ).toEqual({
      status: 'Failed',
      reason: 'DoesNotExist',
      message: 'Issuing certificate as Secret does not exist',
      since: '2026-11-30T10:00:00.000Z',
      rule: 'cert-manager',
    });
  });

  it('is InProgress while Issuing, or with no conditions yet', () => {
    expect(
      customResourceHealth(
        certificate([
          cond('Ready', 'False', 'DoesNotExist'),
          cond('Issuing', 'True', 'DoesNotExist', 'Issuing certificate'),
        ]),
      ).status,
    ).toBe('InProgress');
    expect(customResourceHealth(certificate(undefined))).toMatchObject({
      status: 'InProgress',
      message: 'Waiting for certificate',
    });
  });
});

describe('Crossplane claims and composites', () => {
  const claim = (conditions: any[]): TrimmedCustomResource => ({
    apiVersion: 'platform.example.org/v1alpha1',
    kind: 'PostgreSQLInstance',
    metadata: { name: 'orders-db', namespace: 'shop' },
    spec: {
      compositionRef: { name: 'postgres-aws' },
      resourceRef: { kind: 'XPostgreSQLInstance', name: 'orders-db-x7k2p' },
    },
    status: { conditions },
  });

  it('is Failed when Synced is False', () => {
    expect(
      customResourceHealth(
        claim([
          cond(
            'Synced',
            'False',
            'ReconcileError',
            'cannot compose resources: quota exceeded',
          ),
          cond('Ready', 'False', 'Creating'),
        ]),
      ),
    ).toMatchObject({
      status: 'Failed',
      reason: 'ReconcileError',
      rule: 'crossplane',
    });
  });

  it('is Current when Synced and Ready are True, InProgress while only Synced', () => {
    expect(
      customResourceHealth(
        claim([
          cond('Synced', 'True', 'ReconcileSuccess'),
          cond('Ready', 'True', 'Available'),
        ]),
      ).status,
    ).toBe('Current');
    expect(
      customResourceHealth(
        claim([
          cond('Synced', 'True', 'ReconcileSuccess'),
          cond('Ready', 'False', 'Creating'),
        ]),
      ),
    ).toMatchObject({ status: 'InProgress', reason: 'Creating' });
  });

  it('matches a composite by its crossplane.io group or its Synced condition', () => {
    const composite: TrimmedCustomResource = {
      apiVersion: 'apiextensions.crossplane.io/v1',
      kind: 'CompositeResourceDefinition',
      metadata: { name: 'xpostgresqlinstances.platform.example.org' },
      status: {
        conditions: [cond('Established', 'True', 'WatchingCompositeResource')],
      },
    };
    expect(customResourceHealth(composite)).toMatchObject({
      status: 'Current',
      rule: 'crossplane',
    });
  });
});

describe('Flux Kustomization and HelmRelease', () => {
  const helmRelease = (
    status: TrimmedCustomResource['status'],
    suspend = false,
  ): TrimmedCustomResource => ({
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'checkout', namespace: 'flux-system', generation: 2 },
    spec: { suspend },
    status,
  });

  it('is Failed when Stalled, or Ready is False without Reconciling', () => {
    expect(
      customResourceHealth(
        helmRelease({
          observedGeneration: 2,
          conditions: [
            cond('Ready', 'False', 'InstallFailed', 'Helm install failed'),
            cond(
              'Stalled',
              'True',
              'RetriesExceeded',
              'Failed to install after 1 attempt(s)',
            ),
          ],
        }),
      ),
    ).toMatchObject({
      status: 'Failed',
      reason: 'RetriesExceeded',
      rule: 'flux',
    });
    expect(
      customResourceHealth(
        helmRelease({
          observedGeneration: 2,
          conditions: [cond('Ready', 'False', 'UpgradeFailed', 'timed out')],
        }),
      ).status,
    ).toBe('Failed');
  });

  it('is InProgress while Reconciling, Current when Ready, Suspended when suspended', () => {
    expect(
      customResourceHealth(
        helmRelease({
          observedGeneration: 2,
          conditions: [
            cond('Reconciling', 'True', 'Progressing', 'Running upgrade'),
            cond('Ready', 'Unknown', 'Progressing'),
          ],
        }),
      ).status,
    ).toBe('InProgress');
    expect(
      customResourceHealth(
        helmRelease({
          observedGeneration: 2,
          conditions: [cond('Ready', 'True', 'UpgradeSucceeded')],
        }),
      ).status,
    ).toBe('Current');
    expect(customResourceHealth(helmRelease({}, true)).status).toBe(
      'Suspended',
    );
  });

  it('applies to a Kustomization too', () => {
    const kustomization: TrimmedCustomResource = {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system', generation: 5 },
      status: {
        observedGeneration: 4,
        conditions: [cond('Ready', 'True', 'ReconciliationSucceeded')],
      },
    };
    expect(customResourceHealth(kustomization)).toMatchObject({
      status: 'InProgress',
      reason: 'LatestGenerationNotObserved',
      rule: 'flux',
    });
  });
});

describe('any other kind', () => {
  it('falls back to kstatus', () => {
    expect(
      customResourceHealth({
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
        status: { conditions: [cond('Stalled', 'True', 'Broken')] },
      }),
    ).toMatchObject({ status: 'Failed', reason: 'Broken', rule: 'kstatus' });
  });
});
