import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { WorkloadDetail } from '@kubeplatform/clusters-common';
import { multiclusterActionsApiRef, multiclusterApiRef } from '../../api';
import { checkoutProdDetail } from '../../__fixtures__/workloadDetails';
import { FakeMulticlusterActionsApi } from '../../__testUtils__/FakeMulticlusterActionsApi';
import { FakeMulticlusterApi } from '../../__testUtils__/FakeMulticlusterApi';
import { checkoutEntity } from '../../__testUtils__/renderWithEntity';
import { WorkloadDrawer } from './WorkloadDrawer';

// MUI drawers render slowly in jsdom on a shared two-core machine.
jest.setTimeout(30_000);

const entity = { kind: 'component', namespace: 'default', name: 'checkout' };
const target = {
  cluster: 'prod-us',
  workload: {
    kind: 'Deployment' as const,
    namespace: 'shop',
    name: 'checkout',
  },
};

async function renderDrawer(detail: WorkloadDetail) {
  const api = new FakeMulticlusterApi();
  api.detail = detail;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [multiclusterApiRef, api],
        [multiclusterActionsApiRef, new FakeMulticlusterActionsApi()],
      ]}
    >
      <EntityProvider entity={checkoutEntity}>
        <WorkloadDrawer entity={entity} target={target} onClose={() => {}} />
      </EntityProvider>
    </TestApiProvider>,
  );
  await screen.findByTestId('workload-actions');
}

describe("the drawer's dashboard link", () => {
  it("links to the workload's page in the cluster dashboard", async () => {
    const link = 'https://console.example/k8s/ns/shop/deployments/checkout';
    await renderDrawer({ ...checkoutProdDetail, dashboardLink: link });
    expect(
      screen.getByRole('link', { name: /Open in dashboard/ }),
    ).toHaveAttribute('href', link);
  });

  it('shows no link for a non-http dashboardLink', async () => {
    await renderDrawer({
      ...checkoutProdDetail,
      // eslint-disable-next-line no-script-url
      dashboardLink: 'javascript:alert(1)',
    });
    expect(
      screen.queryByRole('link', { name: /Open in dashboard/ }),
    ).not.toBeInTheDocument();
  });

  it('shows no link when the detail carries none', async () => {
    await renderDrawer(checkoutProdDetail);
    expect(
      screen.queryByRole('link', { name: /Open in dashboard/ }),
    ).not.toBeInTheDocument();
  });
});
