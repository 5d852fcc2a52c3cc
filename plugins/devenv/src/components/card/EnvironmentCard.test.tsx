import { Entity } from '@backstage/catalog-model';
import {
  alertApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { devenvApiRef } from '../../api';
import { environment, FakeDevenvApi } from '../../testing/FakeDevenvApi';
import { EnvironmentCard } from './EnvironmentCard';
import { environmentAddress, isEnvironmentEntity } from './environmentAddress';

function resource(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, annotations },
    spec: { type: 'dev-environment', owner: 'user:default/guest' },
  };
}

/** A devenv API holding one environment of the guest user, as `changes` describe it. */
const guestEnvironmentApi = (
  changes: Omit<Parameters<typeof environment>[0], 'owner'>,
) =>
  new FakeDevenvApi([environment({ owner: 'user:default/guest', ...changes })]);

async function renderCard(entity: Entity, api: FakeDevenvApi) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [devenvApiRef, api],
        [alertApiRef, { post: jest.fn(), alert$: jest.fn() } as any],
        [fetchApiRef, { fetch: jest.fn() }],
        [discoveryApiRef, { getBaseUrl: async () => 'http://backstage.test' }],
      ]}
    >
      <EntityProvider entity={entity}>
        <EnvironmentCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

// The material-ui table and dialogs render slowly on a busy two-core machine.
jest.setTimeout(30_000);

describe('EnvironmentCard', () => {
  it('shows the live environment behind a Resource and lets the owner sleep it', async () => {
    const api = guestEnvironmentApi({ name: 'guest-dev', size: 'small' });
    await renderCard(resource('guest-dev.dev-eu'), api);
    expect(await screen.findByText('ready')).toBeInTheDocument();
    expect(screen.getByText('expires in 5h')).toBeInTheDocument();
    expect(screen.getByText('small')).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Download kubeconfig of guest-dev on dev-eu',
      }),
    ).toBeEnabled();
    expect(screen.getByText(/is the no-token way/)).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Sleep guest-dev on dev-eu' }),
    );
    expect(await screen.findByText('sleeping')).toBeInTheDocument();
    expect(api.calls[0]).toBe('get dev-eu/guest-dev');
  });

  it('prefers the cluster and environment annotations', async () => {
    const api = guestEnvironmentApi({ name: 'a.b', cluster: 'prod-us' });
    await renderCard(
      resource('shortened-abc', {
        'kubeplatform.io/cluster': 'prod-us',
        'kubeplatform.io/environment': 'a.b',
      }),
      api,
    );
    expect(await screen.findByText('ready')).toBeInTheDocument();
    expect(api.calls).toEqual(['get prod-us/a.b']);
  });

  it('shows the API error when the environment is gone', async () => {
    await renderCard(resource('gone.dev-eu'), new FakeDevenvApi([]));
    expect(
      await screen.findAllByText(/No environment dev-eu\/gone/),
    ).not.toHaveLength(0);
  });
});

describe('environmentAddress', () => {
  it('reads the address and recognises environment Resources', () => {
    expect(environmentAddress(resource('x.dev-eu'))).toEqual({
      name: 'x',
      cluster: 'dev-eu',
    });
    expect(environmentAddress(resource('no-dot'))).toBeUndefined();
    expect(isEnvironmentEntity(resource('x.dev-eu'))).toBe(true);
    expect(
      isEnvironmentEntity({ ...resource('x'), spec: { type: 'database' } }),
    ).toBe(false);
  });
});
