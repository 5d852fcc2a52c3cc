import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { teamCheckoutOwnerView } from '../../__fixtures__/workloadDetails';
import { FakeMulticlusterApi } from '../../__testUtils__/FakeMulticlusterApi';
import {
  renderWithEntity,
  teamEntity,
} from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { OwnedServicesCard } from './OwnedServicesCard';

describe('OwnedServicesCard', () => {
  it('lists every owned service worst first, with per-cluster state', async () => {
    const api = new FakeMulticlusterApi();
    api.ownerView = teamCheckoutOwnerView;
    await renderWithEntity(<OwnedServicesCard />, api, teamEntity);
    const rows = await screen.findAllByTestId(/^owned-/);
    expect(rows.map(r => r.getAttribute('data-testid'))).toEqual([
      'owned-component:default/checkout',
      'owned-component:default/search',
      'owned-component:default/payments',
    ]);
    expect(rows[0]).toHaveTextContent('Error');
    expect(rows[0]).toHaveTextContent('prod-us: Error');
    expect(
      within(rows[0]).getByLabelText('2 errors, 0 warnings'),
    ).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('HpaAtMaxReplicas');
    expect(
      within(rows[0]).getByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
    expect(rows[1]).toHaveTextContent('dev-eu: Unreachable');
    expect(rows[1]).not.toHaveTextContent('dev-eu: Healthy');
    expect(rows[1]).toHaveTextContent(/^searchUnknown/);
    expect(rows[2]).toHaveTextContent('Healthy');
  });

  it('says so when the team owns nothing on Kubernetes', async () => {
    const api = new FakeMulticlusterApi();
    api.ownerView = { ...teamCheckoutOwnerView, entities: [] };
    await renderWithEntity(<OwnedServicesCard />, api, teamEntity);
    expect(await screen.findByTestId('owned-empty')).toHaveTextContent(
      'team-checkout',
    );
  });

  it('an error stays in the card and can be retried', async () => {
    const api = new FakeMulticlusterApi();
    api.ownerView = await responseError(
      500,
      'catalog unavailable',
      'http://localhost:7007/api/multicluster/owners/group/default/team-checkout',
    );
    await renderWithEntity(<OwnedServicesCard />, api, teamEntity);
    expect(await screen.findByTestId('request-error')).toHaveTextContent(
      'the multicluster backend failed (500): catalog unavailable — http://localhost:7007/api/multicluster/owners/group/default/team-checkout',
    );
    api.ownerView = teamCheckoutOwnerView;
    await userEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(await screen.findAllByTestId(/^owned-/)).toHaveLength(3);
  });
});
