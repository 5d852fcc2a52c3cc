import { fireEvent, render, screen, within } from '@testing-library/react';
import type { EntityView } from '@kubeplatform/clusters-common';
import { okView } from '../../__fixtures__/entityViews';
import { WorkloadMatrix } from '../content/WorkloadMatrix';

/** okView's clusters, the first read with a service credential, the second as the user. */
const view: EntityView = {
  ...okView,
  clusters: okView.clusters.map((c, i) => ({
    ...c,
    cluster:
      i === 0
        ? { ...c.cluster, authMode: 'service' }
        : {
            ...c.cluster,
            authMode: 'user',
            authProvider: 'oidc',
            oidcTokenProvider: 'okta',
          },
  })),
};

describe('the auth mode in the cluster header', () => {
  it('says whose credential reads each cluster, with the consequence in a tooltip', async () => {
    const [serviceCluster, userCluster] = view.clusters.map(c => c.cluster);
    const { rerender } = render(
      <WorkloadMatrix view={view} onOpen={() => {}} />,
    );
    const headers = screen.getAllByRole('columnheader');
    const header = (name: string) =>
      headers.find(h => within(h).queryByTestId(`auth-mode-${name}`))!;
    expect(
      within(header(serviceCluster.name)).getByTestId(
        `auth-mode-${serviceCluster.name}`,
      ),
    ).toHaveTextContent('Service credential');
    const user = within(header(userCluster.name)).getByTestId(
      `auth-mode-${userCluster.name}`,
    );
    expect(user).toHaveTextContent('Your credentials');
    expect(user).toHaveAttribute('data-auth-mode', 'user');
    fireEvent.mouseOver(user);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Read with your own credentials (oidc (okta))',
    );
    fireEvent.mouseOut(user);
    fireEvent.mouseOver(
      within(header(serviceCluster.name)).getByTestId(
        `auth-mode-${serviceCluster.name}`,
      ),
    );
    expect(
      await screen.findByText(/the backend's service credential/),
    ).toBeInTheDocument();

    // A cluster whose mode the backend does not know shows no chip.
    rerender(<WorkloadMatrix view={okView} onOpen={() => {}} />);
    expect(screen.queryByTestId(/^auth-mode-/)).toBeNull();
  });
});
