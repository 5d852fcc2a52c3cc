import { KubeConfig } from '@kubernetes/client-node';
import type { ViewerRequestAuth } from '../auth/authMode';
import { json, startMockApiServer } from '../__testUtils__/mockApiServer';
import { AccessAttributes, ViewerAccessReviewer } from './ViewerAccessReviewer';

const listPods: AccessAttributes = {
  verb: 'list',
  group: '',
  resource: 'pods',
  namespace: 'shop',
};
const listDeployments: AccessAttributes = {
  verb: 'list',
  group: 'apps',
  resource: 'deployments',
  namespace: 'shop',
};

/** A stand-in API server whose RBAC is a set of `<token> <verb> <resource> <namespace>` grants. */
async function fleet() {
  const grants = new Set<string>([
    'alice-token list pods shop',
    'alice-token list deployments shop',
  ]);
  const known = new Set(['alice-token', 'bob-token']);
  const reviews: Array<{ token: string; resource: string }> = [];
  const server = await startMockApiServer(async (req, url, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!known.has(token)) {
      json(res, 401, { kind: 'Status', message: 'Unauthorized' });
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const attrs = JSON.parse(body).spec.resourceAttributes;
    reviews.push({ token, resource: attrs.resource });
    expect(url.pathname).toBe(
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    );
    json(res, 201, {
      status: {
        allowed: grants.has(
          `${token} ${attrs.verb} ${attrs.resource} ${attrs.namespace}`,
        ),
      },
    });
  });
  let now = 1_000_000;
  const reviewer = new ViewerAccessReviewer(
    {
      // As the registry does for `oidc` with oidcTokenProvider okta.
      viewerKubeConfig: async (_cluster, viewer: ViewerRequestAuth) => {
        const token = viewer.oidc?.okta;
        if (!token) throw new Error('no oidc (okta) token was sent');
        const kc = new KubeConfig();
        kc.loadFromOptions({
          clusters: [{ name: 'c', server: server.url, skipTLSVerify: true }],
          users: [{ name: 'u', token }],
          contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
          currentContext: 'c',
        });
        return kc;
      },
      now: () => now,
    },
    { cacheTtlMs: 30_000 },
  );
  return {
    server,
    grants,
    reviews,
    reviewer,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const as = (token: string): ViewerRequestAuth => ({ oidc: { okta: token } });

describe('ViewerAccessReviewer', () => {
  let f: Awaited<ReturnType<typeof fleet>>;
  beforeEach(async () => {
    f = await fleet();
  });
  afterEach(() => f.server.close());

  it('asks the API server with each viewer token and answers per attribute', async () => {
    await expect(
      f.reviewer.review('prod', as('alice-token'), [listPods, listDeployments]),
    ).resolves.toEqual({ allowed: [true, true] });
    await expect(
      f.reviewer.review('prod', as('bob-token'), [listPods, listDeployments]),
    ).resolves.toEqual({ allowed: [false, false] });
    expect(f.server.requests.map(r => r.auth)).toEqual([
      'Bearer alice-token',
      'Bearer alice-token',
      'Bearer bob-token',
      'Bearer bob-token',
    ]);
  });

  it('reuses an answer for the same token within the TTL, without asking again', async () => {
    await f.reviewer.review('prod', as('alice-token'), [listPods]);
    await f.reviewer.review('prod', as('alice-token'), [listPods]);
    expect(f.reviews).toHaveLength(1);
  });

  describe('attacks', () => {
    it('a forged token is refused by the API server: everything denied, the token in no message', async () => {
      const review = await f.reviewer.review('prod', as('forged.jwt.token'), [
        listPods,
      ]);
      expect(review.allowed).toEqual([false]);
      expect(review.failure?.state).toBe('unauthorized');
      expect(JSON.stringify(review)).not.toContain('forged.jwt.token');
    });

    it('an empty or absent token is denied without a request', async () => {
      for (const viewer of [as(''), {}]) {
        const review = await f.reviewer.review('prod', viewer, [listPods]);
        expect(review).toEqual({
          allowed: [false],
          failure: {
            state: 'unauthorized',
            reason: 'no oidc (okta) token was sent',
          },
        });
      }
      expect(f.server.requests).toHaveLength(0);
    });

    it("another user's cached decision is not reused", async () => {
      await expect(
        f.reviewer.review('prod', as('alice-token'), [listPods]),
      ).resolves.toEqual({ allowed: [true] });
      await expect(
        f.reviewer.review('prod', as('bob-token'), [listPods]),
      ).resolves.toEqual({ allowed: [false] });
      expect(f.reviews).toEqual([
        { token: 'alice-token', resource: 'pods' },
        { token: 'bob-token', resource: 'pods' },
      ]);
    });

    it("one cluster's answer is not reused for another cluster", async () => {
      await f.reviewer.review('prod', as('alice-token'), [listPods]);
      await f.reviewer.review('dev', as('alice-token'), [listPods]);
      expect(f.reviews).toHaveLength(2);
    });

    it('a token that lost its RBAC loses access once the TTL has passed', async () => {
      await expect(
        f.reviewer.review('prod', as('alice-token'), [listPods]),
      ).resolves.toEqual({ allowed: [true] });
      f.grants.delete('alice-token list pods shop');
      f.advance(29_999);
      await expect(
        f.reviewer.review('prod', as('alice-token'), [listPods]),
      ).resolves.toEqual({ allowed: [true] });
      f.advance(2);
      await expect(
        f.reviewer.review('prod', as('alice-token'), [listPods]),
      ).resolves.toEqual({ allowed: [false] });
    });

    it('a refused token stays refused for the TTL without asking again', async () => {
      await f.reviewer.review('prod', as('forged'), [listPods]);
      const again = await f.reviewer.review('prod', as('forged'), [listPods]);
      expect(again.failure?.state).toBe('unauthorized');
      expect(f.server.requests).toHaveLength(1);
    });
  });

  it('an unreachable cluster denies with the reason, and is not cached', async () => {
    await f.server.close();
    const review = await f.reviewer.review('prod', as('alice-token'), [
      listPods,
    ]);
    expect(review.allowed).toEqual([false]);
    expect(review.failure?.state).toBe('unreachable');
    expect(review.failure?.reason).not.toContain('alice-token');
  });
});
