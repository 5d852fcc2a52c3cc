import { customResourceHealth } from './kindRules';
import type { TrimmedCondition } from '../trimmed';
import type { CustomResourceHealth, TrimmedCustomResource } from './types';

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

/** A resource and the health its rule must give it: every field when `exact`, else the ones named. */
interface HealthCase {
  title: string;
  resource: TrimmedCustomResource;
  health: Partial<CustomResourceHealth>;
  exact?: boolean;
}

function itJudges(cases: HealthCase[]) {
  it.each(cases)('$title', ({ resource, health, exact }) => {
    const judged = customResourceHealth(resource);
    // Unless exact, fields the case does not name are taken as they are.
    expect(judged).toEqual(exact ? health : { ...judged, ...health });
  });
}

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
  itJudges([
    {
      title: 'is Current when the phase is Healthy',
      resource: rollout({
        observedGeneration: '4',
        phase: 'Healthy',
        conditions: [
          cond('Available', 'True', 'AvailableReason'),
          cond('Progressing', 'True', 'NewReplicaSetAvailable'),
        ],
      }),
      health: { status: 'Current', reason: 'Healthy', rule: 'argo-rollouts' },
      exact: true,
    },
    {
      title: 'is Failed when the phase is Degraded, with the status message',
      resource: rollout({
        observedGeneration: 4,
        phase: 'Degraded',
        message: 'RolloutAborted: Rollout aborted update to revision 5',
        conditions: [cond('Progressing', 'False', 'RolloutAborted')],
      }),
      health: {
        status: 'Failed',
        reason: 'Degraded',
        message: 'RolloutAborted: Rollout aborted update to revision 5',
        rule: 'argo-rollouts',
      },
      exact: true,
    },
    {
      title: 'is Failed when the progress deadline was exceeded',
      resource: rollout({
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
      health: {
        status: 'Failed',
        reason: 'ProgressDeadlineExceeded',
        since: '2026-11-30T10:00:00.000Z',
      },
    },
    {
      title: 'is Failed when the spec is invalid',
      resource: rollout({
        observedGeneration: '4',
        conditions: [
          cond('InvalidSpec', 'True', 'InvalidSpec', 'missing strategy'),
        ],
      }),
      health: { status: 'Failed', message: 'missing strategy' },
    },
    {
      title: 'is Suspended when Paused',
      resource: rollout({
        observedGeneration: '4',
        phase: 'Paused',
        message: 'CanaryPauseStep',
      }),
      health: { status: 'Suspended' },
    },
    {
      title: 'is InProgress when Progressing',
      resource: rollout({ observedGeneration: '4', phase: 'Progressing' }),
      health: { status: 'InProgress' },
    },
    {
      title: 'is InProgress while its spec is not yet observed',
      resource: rollout({ observedGeneration: '3', phase: 'Healthy' }),
      health: {
        status: 'InProgress',
        message: 'Waiting for rollout spec update to be observed',
      },
    },
  ]);
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
  itJudges([
    {
      title: 'is Current when Ready is True',
      resource: certificate([
        cond(
          'Ready',
          'True',
          'Ready',
          'Certificate is up to date and has not expired',
        ),
      ]),
      health: { status: 'Current', reason: 'Ready', rule: 'cert-manager' },
    },
    {
      title: 'is Failed when Ready is False, with the reason',
      resource: certificate([
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
      health: {
        status: 'Failed',
        reason: 'DoesNotExist',
        message: 'Issuing certificate as Secret does not exist',
        since: '2026-11-30T10:00:00.000Z',
        rule: 'cert-manager',
      },
      exact: true,
    },
    {
      title: 'is InProgress while Issuing',
      resource: certificate([
        cond('Ready', 'False', 'DoesNotExist'),
        cond('Issuing', 'True', 'DoesNotExist', 'Issuing certificate'),
      ]),
      health: { status: 'InProgress' },
    },
    {
      title: 'is InProgress with no conditions yet',
      resource: certificate(undefined),
      health: { status: 'InProgress', message: 'Waiting for certificate' },
    },
  ]);
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

  itJudges([
    {
      title: 'is Failed when Synced is False',
      resource: claim([
        cond(
          'Synced',
          'False',
          'ReconcileError',
          'cannot compose resources: quota exceeded',
        ),
        cond('Ready', 'False', 'Creating'),
      ]),
      health: {
        status: 'Failed',
        reason: 'ReconcileError',
        rule: 'crossplane',
      },
    },
    {
      title: 'is Current when Synced and Ready are True',
      resource: claim([
        cond('Synced', 'True', 'ReconcileSuccess'),
        cond('Ready', 'True', 'Available'),
      ]),
      health: { status: 'Current' },
    },
    {
      title: 'is InProgress while only Synced',
      resource: claim([
        cond('Synced', 'True', 'ReconcileSuccess'),
        cond('Ready', 'False', 'Creating'),
      ]),
      health: { status: 'InProgress', reason: 'Creating' },
    },
    {
      title: 'matches a composite by its crossplane.io group',
      resource: {
        apiVersion: 'apiextensions.crossplane.io/v1',
        kind: 'CompositeResourceDefinition',
        metadata: { name: 'xpostgresqlinstances.platform.example.org' },
        status: {
          conditions: [
            cond('Established', 'True', 'WatchingCompositeResource'),
          ],
        },
      },
      health: { status: 'Current', rule: 'crossplane' },
    },
  ]);
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

  itJudges([
    {
      title: 'is Failed when Stalled',
      resource: helmRelease({
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
      health: { status: 'Failed', reason: 'RetriesExceeded', rule: 'flux' },
    },
    {
      title: 'is Failed when Ready is False without Reconciling',
      resource: helmRelease({
        observedGeneration: 2,
        conditions: [cond('Ready', 'False', 'UpgradeFailed', 'timed out')],
      }),
      health: { status: 'Failed' },
    },
    {
      title: 'is InProgress while Reconciling',
      resource: helmRelease({
        observedGeneration: 2,
        conditions: [
          cond('Reconciling', 'True', 'Progressing', 'Running upgrade'),
          cond('Ready', 'Unknown', 'Progressing'),
        ],
      }),
      health: { status: 'InProgress' },
    },
    {
      title: 'is Current when Ready',
      resource: helmRelease({
        observedGeneration: 2,
        conditions: [cond('Ready', 'True', 'UpgradeSucceeded')],
      }),
      health: { status: 'Current' },
    },
    {
      title: 'is Suspended when suspended',
      resource: helmRelease({}, true),
      health: { status: 'Suspended' },
    },
    {
      title: 'applies to a Kustomization too',
      resource: {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'apps', namespace: 'flux-system', generation: 5 },
        status: {
          observedGeneration: 4,
          conditions: [cond('Ready', 'True', 'ReconciliationSucceeded')],
        },
      },
      health: {
        status: 'InProgress',
        reason: 'LatestGenerationNotObserved',
        rule: 'flux',
      },
    },
  ]);
});

describe('any other kind', () => {
  itJudges([
    {
      title: 'falls back to kstatus',
      resource: {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        metadata: { name: 'w' },
        status: { conditions: [cond('Stalled', 'True', 'Broken')] },
      },
      health: { status: 'Failed', reason: 'Broken', rule: 'kstatus' },
    },
  ]);
});
