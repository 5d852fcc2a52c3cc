import {
  ApiBlueprint,
  coreExtensionData,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import plugin, {
  entityMulticlusterCard,
  entityMulticlusterContent,
  entityOwnedServicesCard,
  multiclusterApi,
} from './alpha';
import { mixedView } from './__fixtures__/entityViews';
import { teamCheckoutOwnerView } from './__fixtures__/workloadDetails';
import { MulticlusterClient, multiclusterApiRef } from './api';
import { FakeMulticlusterApi } from './__testUtils__/FakeMulticlusterApi';
import { checkoutEntity, teamEntity } from './__testUtils__/renderWithEntity';

// Lazy extension loading plus MUI is slow in jsdom on a shared two-core machine.
jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

describe('new frontend system (/alpha)', () => {
  it('the plugin holds the API, both cards and the tab', () => {
    expect(plugin.id).toBe('multicluster');
    expect(plugin.getExtension('api:multicluster')).toBeDefined();
    expect(
      plugin.getExtension('entity-card:multicluster/overview'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:multicluster/owned-services'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-content:multicluster/clusters'),
    ).toBeDefined();
    expect(plugin.getExtension('api:multicluster/timeline')).toBeDefined();
    expect(
      plugin.getExtension('entity-content:multicluster/timeline'),
    ).toBeDefined();
  });

  it('ApiBlueprint builds a MulticlusterClient from discovery and fetch', () => {
    const factory = createExtensionTester(multiclusterApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(multiclusterApiRef.id);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'discoveryApi',
      'fetchApi',
    ]);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async () => 'http://x/api/multicluster' },
      fetchApi: { fetch },
    } as any);
    expect(client).toBeInstanceOf(MulticlusterClient);
    expect([discoveryApiRef.id, fetchApiRef.id]).toEqual(
      Object.values(factory.deps)
        .map((d: any) => d.id)
        .sort(),
    );
  });

  it('the tab is "Clusters" at /kubernetes-multicluster, only for annotated entities', () => {
    const tester = createExtensionTester(entityMulticlusterContent);
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/kubernetes-multicluster',
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Clusters');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(checkoutEntity)).toBe(true);
    expect(filter(teamEntity)).toBe(false);
  });

  it('the owner card applies to groups and users only', () => {
    const filter = createExtensionTester(entityOwnedServicesCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(teamEntity)).toBe(true);
    expect(filter({ ...teamEntity, kind: 'User' })).toBe(true);
    expect(filter(checkoutEntity)).toBe(false);
  });

  it('the card extension renders the live view for the entity', async () => {
    const api = new FakeMulticlusterApi(mixedView);
    const element = createExtensionTester(entityMulticlusterCard, {
      apis: [[multiclusterApiRef, api]],
    }).reactElement();
    await renderInTestApp(
      <EntityProvider entity={checkoutEntity}>{element}</EntityProvider>,
      {
        apis: [[multiclusterApiRef, api]],
      },
    );
    expect(
      await screen.findByTestId('cluster-row-prod-us', {}, slow),
    ).toHaveAttribute('data-tone', 'error');
  });

  it('the owner card extension renders the team view', async () => {
    const api = new FakeMulticlusterApi();
    api.ownerView = teamCheckoutOwnerView;
    const element = createExtensionTester(entityOwnedServicesCard, {
      apis: [[multiclusterApiRef, api]],
    }).reactElement();
    await renderInTestApp(
      <EntityProvider entity={teamEntity}>{element}</EntityProvider>,
      {
        apis: [[multiclusterApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByTestId('owned-component:default/checkout', {}, slow),
    ).toBeInTheDocument();
  });
});
