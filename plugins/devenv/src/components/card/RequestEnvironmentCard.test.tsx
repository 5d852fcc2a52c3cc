import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { configApiRef } from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { RequestEnvironmentCard } from './RequestEnvironmentCard';

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', title: 'Checkout' },
  spec: { type: 'service', owner: 'group:default/shop-team' },
};

async function renderCard(config: object = {}) {
  await renderInTestApp(
    <TestApiProvider apis={[[configApiRef, new ConfigReader(config)]]}>
      <EntityProvider entity={checkout}>
        <RequestEnvironmentCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return screen.getByRole('button', { name: 'Request an environment' });
}

describe('RequestEnvironmentCard', () => {
  it('links to the request-environment template with the name prefilled after the service', async () => {
    const link = await renderCard();
    const href = new URL(link.getAttribute('href')!, 'http://app.test');
    expect(href.pathname).toBe(
      '/create/templates/default/request-dev-environment',
    );
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      name: 'checkout-dev',
    });
    expect(screen.getByText(/Try Checkout in an environment/)).toBeTruthy();
  });

  it('follows a configured template path', async () => {
    const link = await renderCard({
      kubeplatform: {
        devenv: { requestTemplatePath: '/create/templates/platform/env' },
      },
    });
    expect(link.getAttribute('href')).toMatch(
      /^\/create\/templates\/platform\/env\?formData=/,
    );
  });
});
