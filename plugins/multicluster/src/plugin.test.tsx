import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { mixedView } from './__fixtures__/entityViews';
import { teamCheckoutOwnerView } from './__fixtures__/workloadDetails';
import { multiclusterApiRef, multiclusterTimelineApiRef } from './api';
import { capturedCheckoutTimeline } from './__fixtures__/capturedTimeline';
import {
  EntityMulticlusterCard,
  EntityMulticlusterContent,
  EntityMulticlusterTimelineContent,
  EntityOwnedServicesCard,
  isMulticlusterAvailable,
  multiclusterPlugin,
} from './index';
import { FakeMulticlusterApi } from './__testUtils__/FakeMulticlusterApi';
import { checkoutEntity, teamEntity } from './__testUtils__/renderWithEntity';
import { Route, Routes } from 'react-router-dom';

describe('legacy frontend system exports', () => {
  it('registers the MulticlusterApi, MulticlusterActionsApi and MulticlusterTimelineApi factories', () => {
    const apis = [...multiclusterPlugin.getApis()];
    expect(apis.map(a => a.api.id)).toEqual([
      'plugin.multicluster.service',
      'plugin.multicluster.actions',
      'plugin.multicluster.timeline',
    ]);
  });

  it('renders the timeline tab content in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            multiclusterTimelineApiRef,
            { getEntityTimeline: async () => capturedCheckoutTimeline },
          ],
        ]}
      >
        <EntityProvider entity={checkoutEntity}>
          <EntityMulticlusterTimelineContent />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(await screen.findByTestId('rollout-summary')).toHaveTextContent(
      '1.5.0 reached dev-eu',
    );
  });

  it('renders the card, the tab and the team card in a legacy app', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    api.ownerView = teamCheckoutOwnerView;
    await renderInTestApp(
      <TestApiProvider apis={[[multiclusterApiRef, api]]}>
        <EntityProvider entity={checkoutEntity}>
          <EntityMulticlusterCard />
          <Routes>
            <Route path="/" element={<EntityMulticlusterContent />} />
          </Routes>
        </EntityProvider>
        <EntityProvider entity={teamEntity}>
          <EntityOwnedServicesCard />
        </EntityProvider>
      </TestApiProvider>,
      {
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    expect(
      await screen.findByText('Kubernetes across clusters'),
    ).toBeInTheDocument();
    expect(
      await screen.findByTestId('cluster-row-prod-us'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('grid', { name: 'Workloads by cluster' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByTestId('owned-component:default/checkout'),
    ).toBeInTheDocument();
  });

  it('isMulticlusterAvailable follows the Kubernetes annotations', () => {
    expect(isMulticlusterAvailable(checkoutEntity)).toBe(true);
    expect(
      isMulticlusterAvailable({
        ...checkoutEntity,
        metadata: {
          name: 'x',
          annotations: { 'backstage.io/kubernetes-label-selector': 'app=x' },
        },
      }),
    ).toBe(true);
    expect(
      isMulticlusterAvailable({ ...checkoutEntity, metadata: { name: 'x' } }),
    ).toBe(false);
  });
});
