import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { devenvApiRef } from '../../api';
import { FakeDevenvApi } from '../../testing/FakeDevenvApi';
import { KubeplatformClusterPicker } from './KubeplatformClusterPicker';

const api = new FakeDevenvApi([], {
  clusters: [
    {
      name: 'dev-eu',
      title: 'Development EU',
      region: 'eu-west-1',
      environment: 'development',
    },
    { name: 'prod-us', region: 'us-east-1', environment: 'production' },
  ],
  classes: [
    {
      name: 'namespace',
      title: 'Namespace',
      description: 'A namespace with quota and RBAC',
      type: 'namespace',
      sizes: ['small'],
      ttl: { default: '8h', max: '7d' },
      parameters: {},
      supportsSleep: true,
      connection: 'kubeconfig',
    },
    {
      name: 'environment-claim',
      title: 'Environment claim',
      type: 'resource-template',
      sizes: [],
      ttl: { default: '1d', max: '14d' },
      parameters: {},
      supportsSleep: false,
      connection: 'secret',
    },
  ],
});

async function renderPicker(
  uiOptions: Record<string, unknown>,
  formData?: string,
) {
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[devenvApiRef, api]]}>
      <KubeplatformClusterPicker
        {...({} as any)}
        onChange={onChange}
        formData={formData}
        schema={{
          type: 'string',
          title: 'Cluster',
          description: 'Where it runs',
        }}
        uiSchema={{ 'ui:options': uiOptions }}
        rawErrors={[]}
        required
        idSchema={{ $id: 'root_cluster' } as any}
      />
    </TestApiProvider>,
  );
  return onChange;
}

async function openOptions() {
  await userEvent.click(await screen.findByRole('button', { name: /Cluster/ }));
  return within(await screen.findByRole('listbox'))
    .getAllByRole('option')
    .map(o => o.textContent);
}

describe('KubeplatformClusterPicker', () => {
  it('lists the clusters from the API and reports the choice', async () => {
    const onChange = await renderPicker({});
    expect(await openOptions()).toEqual(['Development EU (dev-eu)', 'prod-us']);
    await userEvent.click(screen.getByRole('option', { name: 'prod-us' }));
    expect(onChange).toHaveBeenCalledWith('prod-us');
  });

  it('offers only the clusters of one environment, and picks the only one', async () => {
    const onChange = await renderPicker({ environment: 'development' });
    expect(await openOptions()).toEqual(['Development EU (dev-eu)']);
    expect(onChange).toHaveBeenCalledWith('dev-eu');
  });

  it('lists environment classes and describes the chosen one', async () => {
    await renderPicker({ pick: 'class' }, 'namespace');
    expect(
      await screen.findByText(
        'A namespace with quota and RBAC; lives 8h by default, at most 7d',
      ),
    ).toBeInTheDocument();
    expect(await openOptions()).toEqual(['Namespace', 'Environment claim']);
  });
});
