import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { WorkloadDetail } from '@kubeplatform/clusters-common';
import { multiclusterActionsApiRef, multiclusterApiRef } from '../api';
import { WorkloadDrawer } from '../components/drawer/WorkloadDrawer';
import { checkoutProdDetail } from '../__fixtures__/workloadDetails';
import { FakeMulticlusterActionsApi } from './FakeMulticlusterActionsApi';
import { FakeMulticlusterApi } from './FakeMulticlusterApi';
import { checkoutEntity } from './renderWithEntity';

/** The entity and workload the checkout drawer shows. */
export const checkoutDrawerEntity = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout',
};
export const checkoutDrawerTarget = {
  cluster: 'prod-us',
  workload: {
    kind: 'Deployment' as const,
    namespace: 'shop',
    name: 'checkout',
  },
};

/**
 * Renders the drawer of the checkout Deployment in prod-us with fake APIs answering `detail`,
 * and waits for its action buttons. Returns the fake view API.
 */
export async function renderCheckoutDrawer(
  options: {
    detail?: WorkloadDetail;
    actions?: FakeMulticlusterActionsApi;
  } = {},
) {
  const api = new FakeMulticlusterApi();
  api.detail = options.detail ?? checkoutProdDetail;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [multiclusterApiRef, api],
        [
          multiclusterActionsApiRef,
          options.actions ?? new FakeMulticlusterActionsApi(),
        ],
      ]}
    >
      <EntityProvider entity={checkoutEntity}>
        <WorkloadDrawer
          entity={checkoutDrawerEntity}
          target={checkoutDrawerTarget}
          onClose={() => {}}
        />
      </EntityProvider>
    </TestApiProvider>,
  );
  await screen.findByTestId('workload-actions');
  return api;
}
