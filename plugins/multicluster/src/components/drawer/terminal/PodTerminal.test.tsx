import {
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { PodSummary } from '@kubeplatform/clusters-common';
import { screen } from '@testing-library/react';
import { PodTerminal } from './PodTerminal';

jest.setTimeout(30_000);

const pod = {
  namespace: 'shop',
  name: 'checkout-1',
  containers: [{ name: 'checkout' }, { name: 'sidecar' }],
} as PodSummary;

async function renderWith(response: Response) {
  const requests: string[] = [];
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          discoveryApiRef,
          { getBaseUrl: async () => 'http://backend/api/multicluster' },
        ],
        [
          fetchApiRef,
          {
            fetch: async (url: RequestInfo | URL) => {
              requests.push(String(url));
              return response;
            },
          },
        ],
        [identityApiRef, { getCredentials: async () => ({ token: 't' }) }],
      ]}
    >
      <PodTerminal
        entity={{ kind: 'Component', namespace: 'default', name: 'checkout' }}
        cluster="prod-us"
        pods={[pod]}
        pod={pod}
        onPodChange={() => {}}
      />
    </TestApiProvider>,
  );
  return requests;
}

describe('PodTerminal', () => {
  it('asks the backend about the first container and lets the user connect', async () => {
    const requests = await renderWith(
      new Response(JSON.stringify({ ok: true }), { status: 200 }),
    );
    const connect = await screen.findByRole('button', { name: 'Connect' });
    expect(connect).toBeEnabled();
    expect(requests).toEqual([
      'http://backend/api/multicluster/exec/check?entity=Component%3Adefault%2Fcheckout&cluster=prod-us&namespace=shop&pod=checkout-1&container=checkout',
    ]);
  });

  it('is disabled with the reason without multicluster.pods.exec', async () => {
    await renderWith(
      new Response(
        JSON.stringify({ error: { name: 'NotAllowedError', message: 'no' } }),
        { status: 403, headers: { 'content-type': 'application/json' } },
      ),
    );
    expect(
      await screen.findByText(
        'You do not have the multicluster.pods.exec permission on this entity',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled();
  });

  it('shows the backend reason for a container the pod does not run', async () => {
    await renderWith(
      new Response(
        JSON.stringify({
          error: { name: 'InputError', message: 'The pod is not running' },
          response: { statusCode: 400 },
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      ),
    );
    expect(
      await screen.findByText('The pod is not running'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled();
  });

  it('shows why one more terminal is refused when the user already holds the most allowed', async () => {
    await renderWith(
      new Response(
        JSON.stringify({
          error: {
            name: 'TooManyRequestsError',
            message:
              'You already have 3 terminals open, the most allowed; close one first',
          },
          response: { statusCode: 429 },
        }),
        { status: 429, headers: { 'content-type': 'application/json' } },
      ),
    );
    expect(
      await screen.findByText(
        'You already have 3 terminals open, the most allowed; close one first',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled();
  });
});
