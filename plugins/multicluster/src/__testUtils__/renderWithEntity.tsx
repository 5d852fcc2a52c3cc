import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { multiclusterApiRef } from '../api';
import { FakeMulticlusterApi } from './FakeMulticlusterApi';

export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-checkout',
  },
};

export const teamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-checkout', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** Renders `element` for `entity` in a legacy test app, with `api` as the multicluster API. */
export function renderWithEntity(
  element: JSX.Element,
  api: FakeMulticlusterApi,
  entity: Entity = checkoutEntity,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[multiclusterApiRef, api]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
