import { screen } from '@testing-library/react';
import { checkoutProdDetail } from '../../__fixtures__/workloadDetails';
import { renderCheckoutDrawer } from '../../__testUtils__/renderCheckoutDrawer';

describe("the drawer's dashboard link", () => {
  it("links to the workload's page in the cluster dashboard", async () => {
    const link = 'https://console.example/k8s/ns/shop/deployments/checkout';
    await renderCheckoutDrawer({
      detail: { ...checkoutProdDetail, dashboardLink: link },
    });
    expect(
      screen.getByRole('link', { name: /Open in dashboard/ }),
    ).toHaveAttribute('href', link);
  });

  it('shows no link for a non-http dashboardLink', async () => {
    await renderCheckoutDrawer({
      detail: {
        ...checkoutProdDetail,
        // eslint-disable-next-line no-script-url
        dashboardLink: 'javascript:alert(1)',
      },
    });
    expect(
      screen.queryByRole('link', { name: /Open in dashboard/ }),
    ).not.toBeInTheDocument();
  });

  it('shows no link when the detail carries none', async () => {
    await renderCheckoutDrawer({ detail: checkoutProdDetail });
    expect(
      screen.queryByRole('link', { name: /Open in dashboard/ }),
    ).not.toBeInTheDocument();
  });
});
