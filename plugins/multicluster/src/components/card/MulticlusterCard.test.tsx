import { act, screen, waitFor, within } from '@testing-library/react';
import { EntityView } from '@kubeplatform/clusters-common';
import {
  driftView,
  emptyView,
  forbiddenView,
  mixedView,
  okView,
  staleView,
  syncingView,
  unreachableView,
} from '../../__fixtures__/entityViews';
import { FakeMulticlusterApi } from '../../__testUtils__/FakeMulticlusterApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { MalformedResponseError } from '../../api';
import { MulticlusterCard } from './MulticlusterCard';

function row(cluster: string) {
  return screen.getByTestId(`cluster-row-${cluster}`);
}

function badge(cluster: string) {
  return within(row(cluster)).getByTestId('cluster-badge');
}

function renderCard(view: EntityView) {
  return renderWithEntity(<MulticlusterCard />, new FakeMulticlusterApi(view));
}

/** Renders the card for `view`, checks `cluster`'s badge says `status`, and returns its row. */
async function renderCardShowing(
  view: EntityView,
  cluster: string,
  status: string,
) {
  await renderCard(view);
  expect(badge(cluster)).toHaveTextContent(status);
  return row(cluster);
}

/** Renders the card with a stream that fails with `error`; returns the error the card shows. */
async function renderCardFailingWith(error: Error) {
  const api = new FakeMulticlusterApi();
  api.streamError = error;
  await renderWithEntity(<MulticlusterCard />, api);
  return screen.findByTestId('request-error');
}

function rowOrder(): string[] {
  return screen
    .getAllByTestId(/^cluster-row-/)
    .map(el => el.getAttribute('data-testid')!.replace('cluster-row-', ''));
}

describe('MulticlusterCard', () => {
  it('ok: shows every cluster healthy with ready counts, headroom and tag', async () => {
    const prod = await renderCardShowing(okView, 'prod-us', 'Healthy');
    // checkout 3/3 and checkout-cache 2/2
    expect(
      within(prod).getByLabelText('5 of 5 replicas ready'),
    ).toBeInTheDocument();
    expect(within(prod).getByTestId('headroom-bar')).toHaveAttribute(
      'data-level',
      'ok',
    );
    expect(within(prod).getAllByTestId('image-tag')[0]).toHaveTextContent(
      '1.4.2',
    );
    expect(badge('dev-eu')).toHaveTextContent('Healthy');
    expect(screen.queryByTestId('image-tag-drift')).not.toBeInTheDocument();
    expect(screen.getByTestId('view-summary')).toHaveTextContent('2 clusters');
  });

  it('groups by environment: production before development', async () => {
    await renderCard(okView);
    const headers = screen
      .getAllByTestId('group-header')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'production',
      'us-east-1',
      'development',
      'eu-west-1',
    ]);
  });

  it('mixed: the failing cluster shows Error, its top problem, restarts and short replicas', async () => {
    const prod = await renderCardShowing(mixedView, 'prod-us', 'Error');
    expect(
      within(prod).getByLabelText('11 of 12 replicas ready'),
    ).toBeInTheDocument();
    expect(
      within(prod).getByLabelText('7 restarts in the last hour'),
    ).toBeInTheDocument();
    // HpaAtMaxReplicas started earlier than the crash loop, so it sorts first among errors.
    expect(within(prod).getByText('HpaAtMaxReplicas')).toBeInTheDocument();
    expect(within(prod).getByText(/\(\+1 more\)/)).toBeInTheDocument();
    expect(badge('dev-eu')).toHaveTextContent('Healthy');
    expect(screen.getByTestId('view-summary')).toHaveTextContent(
      '1 with errors',
    );
  });

  it('HPA at max: the headroom bar says "at max"', async () => {
    await renderCard(mixedView);
    const bar = within(row('prod-us')).getByTestId('headroom-bar');
    expect(bar).toHaveAttribute('data-level', 'atMax');
    expect(bar).toHaveTextContent('10/10 at max');
    expect(within(row('dev-eu')).getByTestId('headroom-bar')).toHaveAttribute(
      'data-level',
      'ok',
    );
  });

  it('drift: highlights the tag that differs from the other clusters, and only that one', async () => {
    await renderCard(driftView);
    const drifted = within(row('dev-eu')).getByTestId('image-tag-drift');
    expect(drifted).toHaveTextContent('1.5.0-rc.1');
    expect(drifted).toHaveAccessibleName(/prod-us: 1\.4\.2/);
    expect(
      within(row('prod-us')).queryByTestId('image-tag-drift'),
    ).not.toBeInTheDocument();
    expect(
      within(row('prod-eu')).queryByTestId('image-tag-drift'),
    ).not.toBeInTheDocument();
    expect(screen.getByTestId('view-summary')).toHaveTextContent(
      'image drift in 1 container',
    );
  });

  it('unreachable: shown as Unreachable with its reason, no replica numbers, never healthy', async () => {
    const dev = await renderCardShowing(
      unreachableView,
      'dev-eu',
      'Unreachable',
    );
    expect(within(dev).queryByText('Healthy')).not.toBeInTheDocument();
    expect(within(dev).queryByTestId('headroom-bar')).not.toBeInTheDocument();
    expect(within(dev).getByText(/ECONNREFUSED/)).toBeInTheDocument();
    expect(screen.getByTestId('view-summary')).toHaveTextContent(
      '1 without data',
    );
  });

  it('forbidden: shown as Forbidden with the RBAC reason', async () => {
    const dev = await renderCardShowing(forbiddenView, 'dev-eu', 'Forbidden');
    expect(
      within(dev).getByText(/cannot list resource "deployments"/),
    ).toBeInTheDocument();
    expect(within(dev).queryByText('Healthy')).not.toBeInTheDocument();
  });

  it('stale: keeps the last data and says how old it is', async () => {
    const dev = await renderCardShowing(staleView, 'dev-eu', 'Healthy');
    expect(within(dev).getByTestId('cluster-sync-badge')).toHaveTextContent(
      'Stale · 12 min',
    );
    expect(
      within(dev).getByLabelText('3 of 3 replicas ready'),
    ).toBeInTheDocument();
  });

  it('syncing: shown as Syncing, not healthy', async () => {
    await renderCard(syncingView);
    expect(badge('dev-eu')).toHaveTextContent('Syncing');
  });

  it('orders worst first inside a group', async () => {
    const view = {
      ...unreachableView,
      clusters: [
        ...unreachableView.clusters.map(c => ({
          ...c,
          cluster: {
            ...c.cluster,
            environment: 'production',
            region: 'us-east-1',
          },
        })),
        {
          ...mixedView.clusters.find(c => c.cluster.name === 'prod-us')!,
          cluster: {
            name: 'prod-us-2',
            environment: 'production',
            region: 'us-east-1',
          },
        },
      ],
    };
    await renderCard(view);
    expect(rowOrder()).toEqual(['prod-us-2', 'dev-eu', 'prod-us']);
  });

  it('empty: shows the exact annotation YAML to add', async () => {
    await renderCard(emptyView);
    const empty = screen.getByTestId('annotation-empty-state');
    expect(empty).toHaveTextContent(
      'backstage.io/kubernetes-id: legacy-billing',
    );
    expect(empty).toHaveTextContent(
      'backstage.io/kubernetes-namespace: billing',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('loading: shows a skeleton until the first view', async () => {
    const api = new FakeMulticlusterApi();
    await renderWithEntity(<MulticlusterCard />, api);
    expect(screen.getByTestId('loading-skeleton')).toBeInTheDocument();
    act(() => api.push(okView));
    expect(
      await screen.findByTestId('cluster-row-prod-us'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('loading-skeleton')).not.toBeInTheDocument();
  });

  it('error 500: says what failed and where, and offers a retry', async () => {
    const error = await renderCardFailingWith(
      await responseError(500, 'watch cache not ready'),
    );
    expect(error).toHaveTextContent(
      'the multicluster backend failed (500): watch cache not ready',
    );
    expect(error).toHaveTextContent(
      '/api/multicluster/entities/component/default/checkout/stream',
    );
    expect(
      screen.getByText(
        /Could not load the Kubernetes view of Component:default\/checkout/,
      ),
    ).toBeInTheDocument();
    expect(within(error).getByText(/Retrying in \d+ s/)).toBeInTheDocument();
  });

  it('error 403: stops retrying and says the user is not allowed', async () => {
    const error = await renderCardFailingWith(
      await responseError(403, 'multicluster.view.read denied'),
    );
    expect(error).toHaveTextContent('you are not allowed to see this (403)');
    expect(within(error).queryByText(/Retrying in/)).not.toBeInTheDocument();
  });

  it('malformed payload: a clear error, not a crash', async () => {
    const error = await renderCardFailingWith(
      new MalformedResponseError(
        'entity view',
        'http://localhost:7007/api/multicluster/entities/component/default/checkout/stream',
        'clusters is not a list',
      ),
    );
    expect(error).toHaveTextContent(
      'malformed entity view from http://localhost:7007/api/multicluster/entities/component/default/checkout/stream: clusters is not a list',
    );
  });

  it('live: a pushed view replaces the shown one without a reload', async () => {
    const api = new FakeMulticlusterApi(okView);
    await renderWithEntity(<MulticlusterCard />, api);
    expect(badge('prod-us')).toHaveTextContent('Healthy');
    act(() => api.push(mixedView));
    await waitFor(() => expect(badge('prod-us')).toHaveTextContent('Error'));
    expect(screen.getByTestId('last-updated')).toHaveTextContent(
      /Live · updated \d\d:\d\d:\d\d/,
    );
  });

  it('stream drop: keeps the data, shows the reconnection banner, and recovers', async () => {
    jest.useFakeTimers();
    try {
      const api = new FakeMulticlusterApi(okView);
      await renderWithEntity(<MulticlusterCard />, api);
      expect(api.streams).toHaveLength(1);
      act(() => api.drop());
      const banner = await screen.findByTestId('reconnect-banner');
      expect(banner).toHaveTextContent(
        /Live updates dropped; reconnecting in 1 s/,
      );
      expect(banner).toHaveTextContent('network connection lost');
      expect(row('prod-us')).toBeInTheDocument();
      api.initialView = mixedView;
      await act(async () => {
        jest.advanceTimersByTime(1100);
      });
      expect(api.streams).toHaveLength(2);
      await waitFor(() =>
        expect(
          screen.queryByTestId('reconnect-banner'),
        ).not.toBeInTheDocument(),
      );
      expect(badge('prod-us')).toHaveTextContent('Error');
    } finally {
      jest.useRealTimers();
    }
  });
});
