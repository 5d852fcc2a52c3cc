import {
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { PodSummary } from '@kubeplatform/clusters-common';
import { screen } from '@testing-library/react';
import { PodTerminal } from './PodTerminal';

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

  it.each([
    {
      when: 'without multicluster.pods.exec',
      status: 403,
      error: { name: 'NotAllowedError', message: 'no' },
      shown:
        'You do not have the multicluster.pods.exec permission on this entity',
    },
    {
      when: 'for a container the pod does not run',
      status: 400,
      error: { name: 'InputError', message: 'The pod is not running' },
      shown: 'The pod is not running',
    },
    {
      when: 'when the user already holds the most terminals allowed',
      status: 429,
      error: {
        name: 'TooManyRequestsError',
        message:
          'You already have 3 terminals open, the most allowed; close one first',
      },
      shown:
        'You already have 3 terminals open, the most allowed; close one first',
    },
  ])('is disabled with the reason $when', async ({ status, error, shown }) => {
    await renderWith(
      new Response(
        JSON.stringify({ error, response: { statusCode: status } }),
        { status, headers: { 'content-type': 'application/json' } },
      ),
    );
    expect(await screen.findByText(shown)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled();
  });
});
