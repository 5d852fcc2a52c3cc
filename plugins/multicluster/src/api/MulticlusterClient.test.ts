/**
 * @jest-environment node
 */
// Runs against a real HTTP server on localhost, in Node, where fetch streams response bodies as
// a browser does; jsdom's fetch cannot.
import { ResponseError } from '@backstage/errors';
// The test runs in Node and serves real HTTP; the browser-only import rule does not apply.
// eslint-disable-next-line no-restricted-imports
import http from 'http';
import { mixedView, okView } from '../__fixtures__/entityViews';
import { checkoutProdDetail } from '../__fixtures__/workloadDetails';
import { MulticlusterClient, RequestTimeoutError } from './MulticlusterClient';
import { MalformedResponseError } from './validate';
import {
  serveDuringTests,
  startViewStream,
  writeJson,
} from '../__testUtils__/localServer';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let handler: Handler;
const requests: Array<{ url: string; auth?: string; accept?: string }> = [];

const server = serveDuringTests((req, res) => {
  requests.push({
    url: req.url!,
    auth: req.headers.authorization,
    accept: req.headers.accept,
  });
  handler(req, res);
});

/** A handler that answers every request with `body` as JSON. */
const answerJson =
  (body: unknown, status?: number): Handler =>
  (_req, res) =>
    writeJson(res, body, status);

beforeEach(() => {
  requests.length = 0;
});

function client(
  options: { requestTimeoutMs?: number; streamIdleTimeoutMs?: number } = {},
) {
  return new MulticlusterClient({
    discoveryApi: { getBaseUrl: async () => server.baseUrl },
    // fetchApi adds the user's token in the app; here it proves the header reaches the server.
    fetchApi: {
      fetch: (input, init) =>
        fetch(input as string, {
          ...init,
          headers: {
            ...(init?.headers as object),
            Authorization: 'Bearer user-token',
          },
        }),
    },
    ...options,
  });
}

const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };

describe('MulticlusterClient', () => {
  it('gets an entity view with the user token, kind lower-cased and segments encoded', async () => {
    handler = answerJson(okView);
    const view = await client().getEntityView({
      kind: 'Component',
      namespace: 'default',
      name: 'a/b',
    });
    expect(view).toEqual(okView);
    expect(requests[0]).toMatchObject({
      url: '/api/multicluster/entities/component/default/a%2Fb',
      auth: 'Bearer user-token',
    });
  });

  it('turns a 500 into a ResponseError carrying the backend message', async () => {
    handler = answerJson(
      {
        error: { name: 'Error', message: 'watch cache not ready' },
        response: { statusCode: 500 },
      },
      500,
    );
    const error = await client()
      .getEntityView(checkout)
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(500);
    expect(error.body.error.message).toBe('watch cache not ready');
  });

  it('rejects a malformed payload with what is wrong and where', async () => {
    handler = answerJson({
      entityRef: 'component:default/checkout',
      clusters: 'nope',
    });
    await expect(client().getEntityView(checkout)).rejects.toThrow(
      new MalformedResponseError(
        'entity view',
        `${server.baseUrl}/entities/component/default/checkout`,
        'clusters is not a list',
      ),
    );
    handler = (_req, res) => res.end('<html>proxy error</html>');
    await expect(client().getEntityView(checkout)).rejects.toThrow(
      'the body is not JSON',
    );
  });

  it('times out a request that never answers', async () => {
    handler = () => {};
    await expect(
      client({ requestTimeoutMs: 200 }).getEntityView(checkout),
    ).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('streams views from SSE, ignoring keepalives, until the server ends the stream', async () => {
    handler = (_req, res) => {
      startViewStream(res, okView);
      setTimeout(() => res.write(': keepalive\n\n'), 20);
      const json = JSON.stringify(mixedView);
      // Split one event across writes, as proxies do.
      setTimeout(
        () => res.write(`event: view\ndata: ${json.slice(0, 100)}`),
        40,
      );
      setTimeout(() => res.end(`${json.slice(100)}\n\n`), 60);
    };
    const views: string[] = [];
    await client().streamEntityView(checkout, v => views.push(v.health), {
      signal: new AbortController().signal,
    });
    expect(views).toEqual(['healthy', 'error']);
    expect(requests[0]).toMatchObject({
      url: '/api/multicluster/entities/component/default/checkout/stream',
      accept: 'text/event-stream',
      auth: 'Bearer user-token',
    });
  });

  it('resolves quietly when the caller aborts, and fails when the stream goes silent', async () => {
    handler = (_req, res) => startViewStream(res, okView);
    const controller = new AbortController();
    const first = new Promise<void>(resolve => {
      client()
        .streamEntityView(checkout, () => resolve(), {
          signal: controller.signal,
        })
        .then(() => undefined);
    });
    await first;
    controller.abort();

    await expect(
      client({ streamIdleTimeoutMs: 150 }).streamEntityView(
        checkout,
        () => {},
        {
          signal: new AbortController().signal,
        },
      ),
    ).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('gets a workload detail and validates it', async () => {
    handler = answerJson(checkoutProdDetail);
    const detail = await client().getWorkloadDetail({
      entity: checkout,
      cluster: 'prod-us',
      workload: { kind: 'Deployment', namespace: 'checkout', name: 'checkout' },
    });
    expect(detail.pods).toHaveLength(10);
    expect(requests[0].url).toBe(
      '/api/multicluster/entities/component/default/checkout/clusters/prod-us/workloads/Deployment/checkout/checkout',
    );
  });

  it('reads and follows logs with the query the backend expects', async () => {
    handler = (req, res) => {
      res.setHeader('Content-Type', 'text/plain');
      if (req.url!.includes('follow=true')) {
        res.write('one\n');
        setTimeout(() => res.end('two\n'), 30);
      } else {
        res.end('tail\n');
      }
    };
    const request = {
      entity: checkout,
      cluster: 'prod-us',
      pod: { namespace: 'checkout', name: 'checkout-7d9f8b6c5-x2x9q' },
      container: 'checkout',
      previous: true,
      tailLines: 500,
    };
    expect(await client().getPodLogs(request)).toBe('tail\n');
    expect(requests[0].url).toBe(
      '/api/multicluster/entities/component/default/checkout/clusters/prod-us/pods/checkout/checkout-7d9f8b6c5-x2x9q/logs?container=checkout&previous=true&tailLines=500',
    );
    const chunks: string[] = [];
    await client().followPodLogs(
      { ...request, previous: false },
      t => chunks.push(t),
      {
        signal: new AbortController().signal,
      },
    );
    expect(chunks.join('')).toBe('one\ntwo\n');
    expect(requests[1].url).toContain('follow=true');
    expect(requests[1].url).not.toContain('previous');
  });

  it('gets an owner view', async () => {
    handler = answerJson({
      ownerRef: 'group:default/team-checkout',
      generatedAt: 'x',
      entities: [],
    });
    const owner = await client().getOwnerView({
      kind: 'Group',
      namespace: 'default',
      name: 'team-checkout',
    });
    expect(owner.ownerRef).toBe('group:default/team-checkout');
    expect(requests[0].url).toBe(
      '/api/multicluster/owners/group/default/team-checkout',
    );
  });
});
