import { screen, waitFor, within } from '@testing-library/react';
import { EntityView, OwnerView } from '@kubeplatform/clusters-common';
// eslint-disable-next-line no-restricted-imports -- the test reads a log file captured from a cluster
import { readFileSync } from 'fs';
// eslint-disable-next-line no-restricted-imports
import { join } from 'path';
import userEvent from '@testing-library/user-event';
import {
  capturedDemoOwnerView,
  capturedDemoProdDetail,
  capturedDemoView,
  capturedDevEuCheckoutDetail,
  capturedTeamShopOwnerView,
  capturedUnreachableStreamedView,
  capturedUnreachableView,
  capturedUntrustedView,
} from '../__fixtures__/captured';
import { FakeMulticlusterApi } from '../__testUtils__/FakeMulticlusterApi';
import { openCell, openDrawerInTab } from '../__testUtils__/openWorkloadDrawer';
import {
  renderWithEntity,
  teamEntity,
} from '../__testUtils__/renderWithEntity';
import { MulticlusterCard } from './card/MulticlusterCard';
import { MulticlusterContent } from './content/MulticlusterContent';
import { OwnedServicesCard } from './owner/OwnedServicesCard';

const badge = (cluster: string) =>
  within(screen.getByTestId(`cluster-row-${cluster}`)).getByTestId(
    'cluster-badge',
  );

const renderCard = (view: EntityView) =>
  renderWithEntity(<MulticlusterCard />, new FakeMulticlusterApi(view));

/** Renders the team card of group:default/team-shop with `ownerView` as the backend's answer. */
function renderTeamShopCard(ownerView: OwnerView) {
  const api = new FakeMulticlusterApi();
  api.ownerView = ownerView;
  return renderWithEntity(<OwnedServicesCard />, api, {
    ...teamEntity,
    metadata: { name: 'team-shop', namespace: 'default' },
  });
}

describe('real backend responses (captured from the local clusters)', () => {
  it('the stream sends the same view as the GET, as the backend promises', () => {
    expect(
      capturedUnreachableStreamedView.clusters.map(c => c.sync.state),
    ).toEqual(capturedUnreachableView.clusters.map(c => c.sync.state));
  });

  it('card: unreachable prod-us shows as Unreachable with its reason; dev-eu shows its warning', async () => {
    await renderCard(capturedUnreachableView);
    const prod = screen.getByTestId('cluster-row-prod-us');
    expect(badge('prod-us')).toHaveTextContent('Unreachable');
    expect(prod).toHaveTextContent('ECONNREFUSED');
    expect(prod).not.toHaveTextContent('Healthy');
    const dev = screen.getByTestId('cluster-row-dev-eu');
    expect(badge('dev-eu')).toHaveTextContent('Warning');
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
    await renderCard(capturedUntrustedView);
    const dev = screen.getByTestId('cluster-row-dev-eu');
    expect(badge('dev-eu')).toHaveTextContent('Unauthorized');
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
    expect(badge('prod-us')).toHaveTextContent('Unauthorized');
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
    const drawer = await openDrawerInTab(api, 'checkout', 'dev-eu');
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
    await renderTeamShopCard(capturedTeamShopOwnerView);
    const rows = await screen.findAllByTestId(/^owned-/);
    expect(rows[0]).toHaveAttribute(
      'data-testid',
      'owned-component:default/catalog-api',
    );
    for (const row of rows)
      expect(row).toHaveTextContent('prod-us: Unreachable');
  });

  describe('the demo fleet as seeded', () => {
    const previousLog = readFileSync(
      join(
        __dirname,
        '../__fixtures__/captured/checkout.demo.prod-us.checkout.previous.log',
      ),
      'utf8',
    );

    it('card: both clusters, prod-us in error with HPA at max, the image drift', async () => {
      await renderCard(capturedDemoView);
      const prod = screen.getByTestId('cluster-row-prod-us');
      const dev = screen.getByTestId('cluster-row-dev-eu');
      expect(badge('prod-us')).toHaveTextContent('Error');
      expect(within(prod).getByTestId('headroom-bar')).toHaveAttribute(
        'data-level',
        'atMax',
      );
      expect(within(dev).getByTestId('image-tag-drift')).toHaveTextContent(
        '1.5.0',
      );
      expect(within(prod).getByTestId('image-tag-drift')).toHaveTextContent(
        '1.4.2',
      );
      expect(badge('dev-eu')).toHaveTextContent('Warning');
      // The backend lists UnavailableReplicas first (it is older); the card leads with its cause.
      expect(
        within(prod).getByLabelText(/^CrashLoopBackOff: .*Fix: .*--previous/),
      ).toBeInTheDocument();
    });

    it('tab: the CrashLoopBackOff with its fix; the drawer with pods and the crash log', async () => {
      const api = new FakeMulticlusterApi(capturedDemoView);
      api.detail = capturedDemoProdDetail;
      api.logs = request => (request.previous ? previousLog : '');
      await renderWithEntity(<MulticlusterContent />, api);
      const crash = screen
        .getAllByTestId('problem')
        .find(p => p.textContent?.includes('CrashLoopBackOff'))!;
      expect(within(crash).getByTestId('problem-fix')).toHaveTextContent(
        '--previous',
      );

      const drawer = await openCell('checkout', 'prod-us');
      await userEvent.click(
        await within(drawer).findByRole('tab', {
          name: `Pods (${capturedDemoProdDetail.pods.length})`,
        }),
      );
      const first = within(drawer).getAllByTestId('pod-row')[0];
      expect(first).toHaveTextContent('CrashLoopBackOff');
      await userEvent.click(
        within(first).getByRole('button', { name: /^Logs of / }),
      );
      await within(drawer).findByTestId('log-empty');
      await userEvent.click(
        within(drawer).getByLabelText('Previous container'),
      );
      await waitFor(() =>
        expect(within(drawer).getByTestId('log-text')).toHaveTextContent(
          'missing env PAYMENTS_URL',
        ),
      );
    });

    it('team card: checkout in error in prod-us', async () => {
      await renderTeamShopCard(capturedDemoOwnerView);
      expect(
        await screen.findByTestId('owned-component:default/checkout'),
      ).toHaveTextContent('prod-us: Error');
    });
  });
});
