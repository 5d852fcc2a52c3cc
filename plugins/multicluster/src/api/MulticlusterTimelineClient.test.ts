import { ResponseError } from '@backstage/errors';
import { capturedCheckoutTimeline } from '../__fixtures__/capturedTimeline';
import { RequestTimeoutError } from './MulticlusterClient';
import { MulticlusterTimelineClient } from './MulticlusterTimelineClient';
import { MalformedResponseError } from './validate';

const base = 'http://backend/api/multicluster';
const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };

function client(
  respond: (url: string, init?: RequestInit) => Promise<Response>,
  requestTimeoutMs?: number,
) {
  const urls: string[] = [];
  const c = new MulticlusterTimelineClient({
    discoveryApi: { getBaseUrl: async () => base },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        urls.push(url);
        return respond(url, init);
      }) as typeof fetch,
    },
    requestTimeoutMs,
  });
  return { c, urls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('MulticlusterTimelineClient', () => {
  it('asks for the entity timeline with the filters, and returns it', async () => {
    const { c, urls } = client(async () => json(capturedCheckoutTimeline));
    expect(await c.getEntityTimeline(checkout)).toEqual(
      capturedCheckoutTimeline,
    );
    await c.getEntityTimeline(checkout, {
      clusters: ['prod-us', 'dev-eu'],
      types: ['rollout', 'scaling'],
    });
    expect(urls).toEqual([
      `${base}/entities/component/default/checkout/timeline`,
      `${base}/entities/component/default/checkout/timeline?cluster=prod-us%2Cdev-eu&type=rollout%2Cscaling`,
    ]);
  });

  it('rejects a malformed answer, saying what is wrong', async () => {
    const { c } = client(async () =>
      json({ ...capturedCheckoutTimeline, entries: [{ id: 'x' }] }),
    );
    await expect(c.getEntityTimeline(checkout)).rejects.toThrow(
      new MalformedResponseError(
        'timeline',
        `${base}/entities/component/default/checkout/timeline`,
        'entries[0] is incomplete',
      ).message,
    );
  });

  it('turns a refusal into a ResponseError, and a silent backend into a timeout', async () => {
    const { c } = client(async () => json({ error: { message: 'no' } }, 403));
    await expect(c.getEntityTimeline(checkout)).rejects.toBeInstanceOf(
      ResponseError,
    );
    const silent = client(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new Error('aborted')),
          ),
        ),
      50,
    );
    await expect(silent.c.getEntityTimeline(checkout)).rejects.toBeInstanceOf(
      RequestTimeoutError,
    );
  });
});
