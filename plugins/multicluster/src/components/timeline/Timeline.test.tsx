import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EntityTimeline } from '@kubeplatform/clusters-common';
import {
  capturedCheckoutTimeline,
  promotedCheckoutTimeline,
} from '../../__fixtures__/capturedTimeline';
import {
  EntityAddress,
  MulticlusterTimelineApi,
  multiclusterTimelineApiRef,
  TimelineQuery,
} from '../../api';
import { checkoutEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { capturedDevEuCheckoutDetail } from '../../__fixtures__/captured';
import { multiclusterApiRef } from '../../api';
import { FakeMulticlusterApi } from '../../__testUtils__/FakeMulticlusterApi';
import { WorkloadDrawer } from '../drawer/WorkloadDrawer';
import { TimelineContent } from './TimelineContent';
import { TimelinePanel } from './TimelinePanel';

class FakeTimelineApi implements MulticlusterTimelineApi {
  readonly calls: Array<{ entity: EntityAddress; query?: TimelineQuery }> = [];
  constructor(public answer: () => Promise<EntityTimeline>) {}
  getEntityTimeline(entity: EntityAddress, query?: TimelineQuery) {
    this.calls.push({ entity, query });
    return this.answer();
  }
}

function renderContent(api: FakeTimelineApi, element = <TimelineContent />) {
  return renderInTestApp(
    <TestApiProvider apis={[[multiclusterTimelineApiRef, api]]}>
      <EntityProvider entity={checkoutEntity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const entries = () =>
  within(screen.getByTestId('timeline-entries')).getAllByRole('listitem');

describe('the timeline tab', () => {
  it("shows which version runs where, and every entry of checkout's timeline", async () => {
    const api = new FakeTimelineApi(async () => capturedCheckoutTimeline);
    await renderContent(api);
    expect(api.calls[0].entity).toEqual({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    const versions = within(await screen.findByTestId('rollout-summary'))
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(versions).toEqual([
      expect.stringMatching(/^1\.4\.2 reached prod-us · first on /),
      expect.stringMatching(/^1\.5\.0 reached dev-eu · first on /),
    ]);
    expect(entries()).toHaveLength(capturedCheckoutTimeline.entries.length);
    const rollout = entries().find(
      li => li.dataset.type === 'rollout' && li.dataset.cluster === 'prod-us',
    )!;
    expect(rollout).toHaveTextContent(
      'Rollout Revision 1: checkout kubeplatform-demo/checkout:1.4.2',
    );
    expect(rollout).toHaveTextContent(
      'prod-us · Rollout · Deployment shop/checkout',
    );
  });

  it('reads "1.5.0 reached prod-us 2 h after dev-eu" once the version is promoted', async () => {
    await renderContent(
      new FakeTimelineApi(async () => promotedCheckoutTimeline),
    );
    expect(await screen.findByTestId('rollout-summary')).toHaveTextContent(
      '1.5.0 reached prod-us 2 h after dev-eu',
    );
  });

  it('filters by cluster and by type', async () => {
    await renderContent(
      new FakeTimelineApi(async () => capturedCheckoutTimeline),
    );
    await screen.findByTestId('timeline-entries');
    fireEvent.change(screen.getByRole('combobox', { name: 'Cluster' }), {
      target: { value: 'dev-eu' },
    });
    await waitFor(() =>
      expect(entries().every(li => li.dataset.cluster === 'dev-eu')).toBe(true),
    );
    expect(screen.getByTestId('rollout-summary')).not.toHaveTextContent(
      'prod-us',
    );
    const types = screen.getByRole('group', { name: 'Types' });
    const scaling = within(types).getByRole('button', { name: 'Scaling' });
    fireEvent.click(scaling);
    expect(scaling).toHaveAttribute('aria-pressed', 'true');
    expect(entries().map(li => li.dataset.type)).toEqual(['scaling']);
    fireEvent.click(within(types).getByText('Config change'));
    expect(entries().map(li => li.dataset.type)).toEqual(['scaling']);
    fireEvent.click(within(types).getByText('Scaling'));
    expect(screen.getByTestId('multicluster-timeline')).toHaveTextContent(
      'Nothing matches the filter.',
    );
  });

  it('shows a skeleton while loading, then an empty state', async () => {
    let resolve!: (t: EntityTimeline) => void;
    await renderContent(
      new FakeTimelineApi(
        () => new Promise<EntityTimeline>(r => (resolve = r)),
      ),
    );
    expect(
      screen.getByRole('progressbar', { name: 'Loading timeline' }),
    ).toBeInTheDocument();
    resolve({ ...capturedCheckoutTimeline, entries: [] });
    expect(
      await screen.findByText(/^Nothing recorded yet\./),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('rollout-summary')).not.toBeInTheDocument();
  });

  it('says why it failed and retries', async () => {
    const api = new FakeTimelineApi(async () => {
      throw await responseError(
        403,
        'Not allowed to multicluster.view.read',
        'http://localhost:7007/api/multicluster/entities/component/default/checkout/timeline',
      );
    });
    await renderContent(api);
    expect(await screen.findByTestId('request-error')).toHaveTextContent(
      'you are not allowed to see this (403): Not allowed to multicluster.view.read',
    );
    api.answer = async () => capturedCheckoutTimeline;
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(await screen.findByTestId('rollout-summary')).toBeInTheDocument();
  });

  it('in the drawer, shows only the workload, and names clusters without fresh data', async () => {
    const timeline: EntityTimeline = {
      ...capturedCheckoutTimeline,
      clusters: [
        capturedCheckoutTimeline.clusters[0],
        {
          name: 'prod-us',
          sync: { state: 'unreachable', reason: 'connect ECONNREFUSED' },
        },
      ],
      entries: [
        ...capturedCheckoutTimeline.entries,
        {
          ...capturedCheckoutTimeline.entries[0],
          id: 'other',
          workload: { kind: 'Deployment', name: 'checkout-worker' },
        },
      ],
    };
    await renderContent(
      new FakeTimelineApi(async () => timeline),
      <TimelinePanel
        entity={{ kind: 'Component', namespace: 'default', name: 'checkout' }}
        workload={{ kind: 'Deployment', name: 'checkout' }}
      />,
    );
    await screen.findByTestId('timeline-entries');
    expect(entries()).toHaveLength(capturedCheckoutTimeline.entries.length);
    expect(screen.getByTestId('multicluster-timeline')).toHaveTextContent(
      /Incomplete history:\s*prod-us/,
    );
  });

  it("opens from the workload drawer's Timeline tab", async () => {
    const detailApi = new FakeMulticlusterApi();
    detailApi.detail = capturedDevEuCheckoutDetail;
    const timelineApi = new FakeTimelineApi(
      async () => capturedCheckoutTimeline,
    );
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [multiclusterApiRef, detailApi],
          [multiclusterTimelineApiRef, timelineApi],
        ]}
      >
        <WorkloadDrawer
          entity={{ kind: 'Component', namespace: 'default', name: 'checkout' }}
          target={{
            cluster: 'dev-eu',
            workload: {
              kind: 'Deployment',
              namespace: 'shop',
              name: 'checkout',
            },
          }}
          onClose={() => {}}
        />
      </TestApiProvider>,
    );
    const drawer = await screen.findByTestId('workload-drawer');
    fireEvent.click(
      await within(drawer).findByRole('tab', { name: 'Timeline' }),
    );
    expect(
      await within(drawer).findByTestId('rollout-summary'),
    ).toHaveTextContent('1.5.0 reached dev-eu');
    expect(timelineApi.calls).toHaveLength(1);
  });
});
