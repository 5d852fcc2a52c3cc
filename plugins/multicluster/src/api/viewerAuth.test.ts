/**
 * @jest-environment node
 */
// Runs against a real HTTP server on localhost, in Node, where fetch streams response bodies as
// a browser does; jsdom's fetch cannot.
// eslint-disable-next-line no-restricted-imports
import http from 'http';
import type { KubernetesAuthProvidersApi } from '@backstage/plugin-kubernetes-react';
import type {
  ClusterIdentity,
  EntityView,
  SyncStatus,
} from '@kubeplatform/clusters-common';
import { capturedCheckoutTimeline } from '../__fixtures__/capturedTimeline';
import { okView } from '../__fixtures__/entityViews';
import { checkoutProdDetail } from '../__fixtures__/workloadDetails';
import { MulticlusterActionsClient } from './MulticlusterActionsClient';
import { MulticlusterClient } from './MulticlusterClient';
import { MulticlusterTimelineClient } from './MulticlusterTimelineClient';
import { ViewerCredentials, viewerCredentialsFor } from './viewerAuth';
import {
  serveDuringTests,
  startViewStream,
  writeJson,
} from '../__testUtils__/localServer';

const OIDC_HEADER = 'backstage-kubernetes-authorization-oidc-okta';

/** upstream's KubernetesAuthProvidersApi with fixed tokens; '' is a provider without a session. */
function authProviders(
  tokens: Record<string, string>,
): KubernetesAuthProvidersApi & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async getCredentials(provider: string) {
      asked.push(provider);
      if (!(provider in tokens)) {
        throw new Error(`no KubernetesAuthProvider for ${provider}`);
      }
      return { token: tokens[provider] };
    },
    async decorateRequestBodyForAuth(_provider, body) {
      return body;
    },
  };
}

/** The viewer's credentials in an app whose okta session gives `token` ('' for no session). */
const oktaViewer = (token: string) =>
  new ViewerCredentials(authProviders({ 'oidc.okta': token }));

const identity = (
  name: string,
  extra: Partial<ClusterIdentity>,
): ClusterIdentity => ({ name, ...extra });
const oidcCluster = identity('prod-us', {
  authMode: 'user',
  authProvider: 'oidc',
  oidcTokenProvider: 'okta',
});

describe('ViewerCredentials', () => {
  it('sends a header per user-level provider learned, with the token upstream gives', async () => {
    const api = authProviders({ 'oidc.okta': 'id-token', google: 'g-token' });
    const credentials = new ViewerCredentials(api);
    expect(await credentials.headers()).toEqual({});
    expect(credentials.primed).toBe(false);

    expect(
      await credentials.learn([
        identity('svc', { authMode: 'service', authProvider: 'oidc' }),
        oidcCluster,
        identity('gke', { authMode: 'user', authProvider: 'google' }),
      ]),
    ).toBe(true);
    expect(credentials.primed).toBe(true);
    expect(await credentials.headers()).toEqual({
      'Backstage-Kubernetes-Authorization-Oidc-okta': 'Bearer id-token',
      'Backstage-Kubernetes-Authorization-Google': 'Bearer g-token',
    });
    // Known providers are not new: nothing to repeat.
    expect(await credentials.learn([oidcCluster])).toBe(false);
  });

  it('sends nothing for a provider without a session or unknown to the app', async () => {
    const api = authProviders({ 'oidc.okta': '' });
    const credentials = new ViewerCredentials(api);
    expect(
      await credentials.learn([
        oidcCluster,
        identity('aks', { authMode: 'user', authProvider: 'aks' }),
      ]),
    ).toBe(false);
    expect(await credentials.headers()).toEqual({});
    expect(api.asked).toEqual(expect.arrayContaining(['oidc.okta', 'aks']));
  });

  it('without the auth providers API sends nothing; with it, one instance per app', async () => {
    const none = viewerCredentialsFor(undefined);
    expect(await none.learn([oidcCluster])).toBe(false);
    expect(await none.headers()).toEqual({});
    const api = authProviders({});
    expect(viewerCredentialsFor(api)).toBe(viewerCredentialsFor(api));
  });
});

type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  token: string | undefined,
) => void;

let handler: Handler;
const requests: Array<{ url: string; token?: string }> = [];

const server = serveDuringTests((req, res) => {
  const header = req.headers[OIDC_HEADER];
  const token = typeof header === 'string' ? header : undefined;
  requests.push({ url: req.url!, token });
  handler(req, res, token);
});

beforeEach(() => {
  requests.length = 0;
});

const deps = () => ({
  discoveryApi: { getBaseUrl: async () => server.baseUrl },
  fetchApi: { fetch },
});
const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };

/** okView with prod-us as a user-level oidc cluster, as the backend shows it to the viewer. */
function viewFor(token: string | undefined): EntityView {
  const sync: SyncStatus = token
    ? { state: 'ok' }
    : {
        state: 'unauthorized',
        reason: "no oidc (okta) token was sent for cluster 'prod-us'",
      };
  return {
    ...okView,
    clusters: okView.clusters.map(c =>
      c.cluster.name === 'prod-us'
        ? {
            ...c,
            cluster: { ...c.cluster, ...oidcCluster },
            sync,
            workloads: token ? c.workloads : [],
          }
        : c,
    ),
  };
}

/** A backend that answers every request with checkout's view as the viewer's token allows. */
const answerWithView: Handler = (_req, res, token) =>
  writeJson(res, viewFor(token));

const getCheckoutView = (viewerAuth: ViewerCredentials) =>
  new MulticlusterClient(deps()).getEntityView(checkout, { viewerAuth });

const prodSync = (view: EntityView) =>
  view.clusters.find(c => c.cluster.name === 'prod-us')!.sync.state;

describe('the clients with the viewer credentials', () => {
  it('a view that names a new user-level provider is asked again with its token', async () => {
    handler = answerWithView;
    const viewerAuth = oktaViewer('id-token');
    expect(prodSync(await getCheckoutView(viewerAuth))).toBe('ok');
    expect(requests.map(r => r.token)).toEqual([undefined, 'Bearer id-token']);

    // Known from now on: one request, with the token from the start.
    requests.length = 0;
    await getCheckoutView(viewerAuth);
    expect(requests.map(r => r.token)).toEqual(['Bearer id-token']);
  });

  it('a guest without a session sends no token, once, and sees the cluster unauthorized', async () => {
    handler = answerWithView;
    expect(prodSync(await getCheckoutView(oktaViewer('')))).toBe(
      'unauthorized',
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].token).toBeUndefined();
  });

  it('the live stream reopens with the token, and the view without it is never shown', async () => {
    handler = (_req, res, token) => {
      startViewStream(res, viewFor(token));
      // Without a token the stream stays open: the client must close it itself.
      if (token) setTimeout(() => res.end(), 20);
    };
    const viewerAuth = oktaViewer('id-token');
    const seen: string[] = [];
    await new MulticlusterClient(deps()).streamEntityView(
      checkout,
      v => seen.push(prodSync(v)),
      { signal: new AbortController().signal, viewerAuth },
    );
    expect(seen).toEqual(['ok']);
    expect(requests.map(r => [r.url.split('/').pop(), r.token])).toEqual([
      ['stream', undefined],
      ['stream', 'Bearer id-token'],
    ]);
  });

  it('detail, logs, actions, timeline and owner view carry the token once it is known', async () => {
    const viewerAuth = oktaViewer('id-token');
    await viewerAuth.learn([oidcCluster]);
    handler = (req, res) => {
      const url = req.url!;
      if (url.includes('/logs')) res.end('a log line\n');
      else if (url.includes('/workloads/')) writeJson(res, checkoutProdDetail);
      else if (url.endsWith('/timeline'))
        writeJson(res, capturedCheckoutTimeline);
      else if (url.startsWith('/api/multicluster/owners/')) {
        writeJson(res, {
          ownerRef: 'group:default/team-shop',
          generatedAt: new Date().toISOString(),
          entities: [],
        });
      } else writeJson(res, {});
    };
    const client = new MulticlusterClient(deps());
    const address = {
      entity: checkout,
      cluster: 'prod-us',
      workload: {
        kind: 'Deployment' as const,
        namespace: 'shop',
        name: 'checkout',
      },
    };
    await client.getWorkloadDetail(address, { viewerAuth });
    await client.getPodLogs(
      {
        entity: checkout,
        cluster: 'prod-us',
        pod: { namespace: 'shop', name: 'checkout-1' },
      },
      { viewerAuth },
    );
    await client.getOwnerView(
      { kind: 'Group', namespace: 'default', name: 'team-shop' },
      { viewerAuth },
    );
    const actions = new MulticlusterActionsClient(deps());
    await actions.getAllowedActions(checkout, { viewerAuth });
    await actions.restartWorkload(address, { viewerAuth });
    await actions.scaleWorkload(address, 2, { viewerAuth });
    await new MulticlusterTimelineClient(deps()).getEntityTimeline(
      checkout,
      {},
      { viewerAuth },
    );
    expect(requests).toHaveLength(7);
    for (const request of requests) {
      expect(request.token).toBe('Bearer id-token');
    }
  });

  it('a timeline with a refused cluster, before any view taught the providers, learns from the entity view', async () => {
    const timeline = (token?: string) => ({
      ...capturedCheckoutTimeline,
      clusters: [
        {
          name: 'prod-us',
          sync: token ? { state: 'ok' } : { state: 'unauthorized' },
        },
      ],
    });
    handler = (req, res, token) =>
      writeJson(
        res,
        req.url!.endsWith('/timeline') ? timeline(token) : viewFor(token),
      );
    const viewerAuth = oktaViewer('id-token');
    const answer = await new MulticlusterTimelineClient(
      deps(),
    ).getEntityTimeline(checkout, {}, { viewerAuth });
    expect(answer.clusters[0].sync.state).toBe('ok');
    expect(requests.map(r => [r.url.split('/').pop(), r.token])).toEqual([
      ['timeline', undefined],
      ['checkout', undefined],
      ['timeline', 'Bearer id-token'],
    ]);
  });
});
