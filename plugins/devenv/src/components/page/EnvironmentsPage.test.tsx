import {
  alertApiRef,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { devenvApiRef } from '../../api';
import { environment, FakeDevenvApi } from '../../testing/FakeDevenvApi';
import { EnvironmentsPage, NEW_ENVIRONMENT_PATH } from './EnvironmentsPage';

const mine = environment({ name: 'guest-dev', owner: 'user:default/guest' });
const team = environment(
  {
    name: 'shop-env',
    owner: 'group:default/team-shop',
    cluster: 'prod-us',
    status: 'sleeping',
  },
  30,
);
const someoneElse = environment({
  name: 'ada-dev',
  owner: 'user:default/ada',
});

async function renderPage(
  api: FakeDevenvApi,
  ownershipEntityRefs = ['user:default/guest', 'group:default/team-shop'],
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [devenvApiRef, api],
        [identityApiRef, mockApis.identity({ ownershipEntityRefs })],
        [alertApiRef, { post: jest.fn(), alert$: jest.fn() } as any],
        [fetchApiRef, { fetch: jest.fn() }],
        [discoveryApiRef, { getBaseUrl: async () => 'http://backstage.test' }],
      ]}
    >
      <EnvironmentsPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  await screen.findByText('Mine and my teams', undefined, { timeout: 15_000 });
}

function row(name: string) {
  return screen.getByText(name).closest('tr')!;
}

// The material-ui table and dialogs render slowly on a busy two-core machine.
const SLOW = { timeout: 15_000 };
jest.setTimeout(60_000);

describe('EnvironmentsPage', () => {
  it('lists mine and my teams’ environments with status, class, cluster, expiry and connect command', async () => {
    await renderPage(new FakeDevenvApi([mine, team, someoneElse]));

    expect(screen.queryByText('ada-dev')).not.toBeInTheDocument();
    const mineRow = within(row('guest-dev'));
    expect(mineRow.getByText('ready')).toBeInTheDocument();
    expect(mineRow.getByText('namespace')).toBeInTheDocument();
    expect(mineRow.getByText('dev-eu')).toBeInTheDocument();
    expect(mineRow.getByText('expires in 5h')).toBeInTheDocument();
    expect(
      mineRow.getByText((mine.connection as { command: string }).command),
    ).toBeInTheDocument();
    expect(
      mineRow.getByRole('button', { name: 'Copy connect command' }),
    ).toBeInTheDocument();
    expect(
      mineRow.getByRole('button', {
        name: 'Download kubeconfig of guest-dev on dev-eu',
      }),
    ).toBeInTheDocument();

    const teamRow = within(row('shop-env'));
    expect(teamRow.getByText('sleeping')).toBeInTheDocument();
    expect(teamRow.getByText('expires in 1d6h')).toBeInTheDocument();
    expect(teamRow.getByRole('button', { name: /^Wake/ })).toBeInTheDocument();
  });

  it('shows everyone’s environments when asked', async () => {
    await renderPage(new FakeDevenvApi([mine, someoneElse]));
    await userEvent.click(screen.getByLabelText("Show everyone's"));
    expect(
      await screen.findByText('ada-dev', undefined, SLOW),
    ).toBeInTheDocument();
    expect(screen.getByText('All environments')).toBeInTheDocument();
  });

  it('links "New environment" to the request template', async () => {
    await renderPage(new FakeDevenvApi([]));
    expect(screen.getByText('New environment').closest('a')).toHaveAttribute(
      'href',
      NEW_ENVIRONMENT_PATH,
    );
    expect(screen.getByText(/No environments yet/)).toBeInTheDocument();
  });

  it('reports a cluster that could not be read next to the rest', async () => {
    await renderPage(
      new FakeDevenvApi([mine], {
        errors: [{ cluster: 'prod-us', message: 'connect ECONNREFUSED' }],
      }),
    );
    expect(
      screen.getByText(
        /Cluster prod-us could not be read: connect ECONNREFUSED/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('guest-dev')).toBeInTheDocument();
  });

  it('extends an environment and shows the new expiry', async () => {
    const api = new FakeDevenvApi([mine]);
    await renderPage(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Extend guest-dev on dev-eu by 8h' }),
    );
    expect(
      await screen.findByText('expires in 13h', undefined, SLOW),
    ).toBeInTheDocument();
    expect(api.calls).toContain(
      'patch dev-eu/guest-dev {"action":"extend","ttl":"8h"}',
    );
  });

  it('puts an environment to sleep and wakes it again', async () => {
    const api = new FakeDevenvApi([mine]);
    await renderPage(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Sleep guest-dev on dev-eu' }),
    );
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Wake guest-dev on dev-eu' },
        SLOW,
      ),
    );
    await screen.findByRole(
      'button',
      { name: 'Sleep guest-dev on dev-eu' },
      SLOW,
    );
    expect(api.calls.filter(c => c.startsWith('patch'))).toEqual([
      'patch dev-eu/guest-dev {"action":"sleep"}',
      'patch dev-eu/guest-dev {"action":"wake"}',
    ]);
  });

  it('deletes only after confirmation', async () => {
    const api = new FakeDevenvApi([mine, team]);
    await renderPage(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete guest-dev on dev-eu' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(
      () => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
      SLOW,
    );
    expect(api.calls.some(c => c.startsWith('delete'))).toBe(false);

    await userEvent.click(
      screen.getByRole('button', { name: 'Delete guest-dev on dev-eu' }),
    );
    expect(
      screen.getByText(/This removes namespace guest-dev on dev-eu/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete for good' }),
    );
    await waitFor(
      () => expect(screen.queryByText('guest-dev')).not.toBeInTheDocument(),
      SLOW,
    );
    expect(api.calls).toContain('delete dev-eu/guest-dev');
    expect(screen.getByText('shop-env')).toBeInTheDocument();
  });
});
