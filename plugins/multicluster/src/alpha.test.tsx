import type { Entity } from '@backstage/catalog-model';
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

/**
 * Renders `extension` for `entity` in a test app of the new frontend system, with `api` as the
 * multicluster API and the catalog's entity pages mounted.
 */
function renderExtension(
  extension: Parameters<typeof createExtensionTester>[0],
  entity: Entity,
  api: FakeMulticlusterApi,
) {
  const apis = [[multiclusterApiRef, api]] as const;
  const element = createExtensionTester(extension, { apis }).reactElement();
  return renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

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
    await renderExtension(
      entityMulticlusterCard,
      checkoutEntity,
      new FakeMulticlusterApi(mixedView),
    );
    expect(await screen.findByTestId('cluster-row-prod-us')).toHaveAttribute(
      'data-tone',
      'error',
    );
  });

  it('the owner card extension renders the team view', async () => {
    const api = new FakeMulticlusterApi();
    api.ownerView = teamCheckoutOwnerView;
    await renderExtension(entityOwnedServicesCard, teamEntity, api);
    expect(
      await screen.findByTestId('owned-component:default/checkout'),
    ).toBeInTheDocument();
  });
});
