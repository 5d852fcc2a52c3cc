import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  capturedDevEuCheckoutDetail,
  capturedTeamShopOwnerView,
  capturedUnreachableStreamedView,
  capturedUnreachableView,
  capturedUntrustedView,
} from '../__fixtures__/captured';
import { FakeMulticlusterApi } from '../__testUtils__/FakeMulticlusterApi';
import {
  renderWithEntity,
  teamEntity,
} from '../__testUtils__/renderWithEntity';
import { MulticlusterCard } from './card/MulticlusterCard';
import { MulticlusterContent } from './content/MulticlusterContent';
import { OwnedServicesCard } from './owner/OwnedServicesCard';

jest.setTimeout(30_000);

describe('real backend responses (captured from the local clusters)', () => {
  it('the stream sends the same view as the GET, as the backend promises', () => {
    expect(
      capturedUnreachableStreamedView.clusters.map(c => c.sync.state),
    ).toEqual(capturedUnreachableView.clusters.map(c => c.sync.state));
  });

  it('card: unreachable prod-us shows as Unreachable with its reason; dev-eu shows its warning', async () => {
    await renderWithEntity(
      <MulticlusterCard />,
      new FakeMulticlusterApi(capturedUnreachableView),
    );
    const prod = screen.getByTestId('cluster-row-prod-us');
    expect(within(prod).getByTestId('cluster-badge')).toHaveTextContent(
      'Unreachable',
    );
    expect(prod).toHaveTextContent('ECONNREFUSED');
    expect(prod).not.toHaveTextContent('Healthy');
    const dev = screen.getByTestId('cluster-row-dev-eu');
    expect(within(dev).getByTestId('cluster-badge')).toHaveTextContent(
      'Warning',
    );
    expect(dev).toHaveTextContent('HpaMetricsUnavailable');
    expect(within(dev).getByTestId('headroom-bar')).toHaveAttribute(
      'data-level',
      'ok',
    );
    // Production comes before development.
    const order = screen
      .getAllByTestId(/^cluster-row-/)
      .map(r => r.getAttribute('data-testid'));
    expect(order).toEqual(['cluster-row-prod-us', 'cluster-row-dev-eu']);
  });

  it('card: a cluster that fails after syncing shows the failure first and its last data dimmed, never its health', async () => {
    await renderWithEntity(
      <MulticlusterCard />,
      new FakeMulticlusterApi(capturedUntrustedView),
    );
    const dev = screen.getByTestId('cluster-row-dev-eu');
    expect(within(dev).getByTestId('cluster-badge')).toHaveTextContent(
      'Unauthorized',
    );
    expect(within(dev).getByTestId('cluster-kept-badge')).toHaveTextContent(
      /^last data · \d+ min$/,
    );
    expect(dev).toHaveTextContent('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(
      within(dev).getByLabelText('2 of 2 replicas ready'),
    ).toBeInTheDocument();
    expect(dev).not.toHaveTextContent('Healthy');
    expect(dev).not.toHaveTextContent('Warning');
    const prod = screen.getByTestId('cluster-row-prod-us');
    expect(within(prod).getByTestId('cluster-badge')).toHaveTextContent(
      'Unauthorized',
    );
    expect(
      within(prod).queryByTestId('cluster-kept-badge'),
    ).not.toBeInTheDocument();
    expect(
      within(prod).queryByLabelText(/replicas ready/),
    ).not.toBeInTheDocument();
  });

  it('drawer: the real workload detail shows its pods and kubectl commands', async () => {
    const api = new FakeMulticlusterApi(capturedUnreachableView);
    api.detail = capturedDevEuCheckoutDetail;
    await renderWithEntity(<MulticlusterContent />, api);
    await userEvent.click(screen.getByTestId('cell-checkout-dev-eu'));
    const drawer = await screen.findByTestId('workload-drawer');
    expect(
      await within(drawer).findByTestId('kubectl-commands'),
    ).toHaveTextContent(
      'kubectl --context dev-eu -n shop describe deployment/checkout',
    );
    await userEvent.click(
      within(drawer).getByRole('tab', {
        name: `Pods (${capturedDevEuCheckoutDetail.pods.length})`,
      }),
    );
    expect(within(drawer).getAllByTestId('pod-row')).toHaveLength(
      capturedDevEuCheckoutDetail.pods.length,
    );
  });

  it('team card: the real owner view, worst first, clusters without data marked', async () => {
    const api = new FakeMulticlusterApi();
    api.ownerView = capturedTeamShopOwnerView;
    await renderWithEntity(<OwnedServicesCard />, api, {
      ...teamEntity,
      metadata: { name: 'team-shop', namespace: 'default' },
    });
    const rows = await screen.findAllByTestId(/^owned-/);
    expect(rows[0]).toHaveAttribute(
      'data-testid',
      'owned-component:default/catalog-api',
    );
    for (const row of rows)
      expect(row).toHaveTextContent('prod-us: Unreachable');
  });
});
