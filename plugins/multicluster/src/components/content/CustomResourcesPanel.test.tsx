import { render, screen, within } from '@testing-library/react';
import type { ClusterView, EntityView } from '@kubeplatform/clusters-common';
import { CustomResourcesPanel } from './CustomResourcesPanel';

const cluster = (
  name: string,
  customResources: ClusterView['customResources'],
): ClusterView => ({
  cluster: { name, title: name === 'prod-us' ? 'Prod US' : undefined },
  sync: { state: 'ok' },
  workloads: [],
  problems: [],
  health: 'healthy',
  customResources,
});

const view: EntityView = {
  entityRef: 'component:default/checkout',
  generatedAt: '2026-11-30T12:00:00Z',
  health: 'error',
  incomplete: false,
  drift: [],
  clusters: [
    cluster('prod-us', [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        namespace: 'shop',
        name: 'checkout-canary',
        phase: 'Degraded',
        health: {
          status: 'Failed',
          reason: 'ProgressDeadlineExceeded',
          message:
            'ReplicaSet "checkout-canary-5d8f7c9b4" has timed out progressing.',
          rule: 'argo-rollouts',
        },
        conditions: [],
      },
    ]),
    cluster('dev-eu', [
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        namespace: 'shop',
        name: 'checkout-tls',
        health: { status: 'Current', reason: 'Ready', rule: 'cert-manager' },
        conditions: [],
      },
    ]),
  ],
};

describe('CustomResourcesPanel', () => {
  it('shows each custom resource with its cluster, kind, phase and health as a word', () => {
    render(<CustomResourcesPanel view={view} />);
    const [rollout, certificate] = screen.getAllByTestId('custom-resource');
    expect(rollout).toHaveAttribute('data-health', 'Failed');
    expect(rollout).toHaveTextContent('Prod US');
    expect(rollout).toHaveTextContent('argoproj.io/v1alpha1');
    expect(rollout).toHaveTextContent('shop/checkout-canary');
    expect(rollout).toHaveTextContent('phase Degraded');
    expect(
      within(rollout).getByLabelText(
        /^Failed: ProgressDeadlineExceeded: ReplicaSet/,
      ),
    ).toHaveTextContent('Failed');
    expect(certificate).toHaveTextContent('dev-eu');
    expect(
      within(certificate).getByTestId('custom-resource-health'),
    ).toHaveTextContent('Current');
  });
});
