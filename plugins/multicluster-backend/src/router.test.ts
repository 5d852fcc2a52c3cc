import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { routerApp, componentEntity } from './__testUtils__/routerApp';

const app = (
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) =>
  routerApp({
    entities: [
      componentEntity('checkout', { 'backstage.io/kubernetes-id': 'checkout' }),
      componentEntity('odd-namespaces', {
        'backstage.io/kubernetes-id': 'x',
        'backstage.io/kubernetes-namespace': 'shop,$(rm -rf /)',
      }),
    ],
    permission,
  });

describe('router', () => {
  it('answers 200 with an empty view when no cluster is known, and explains odd namespaces', async () => {
    const server = await app();
    const res = await request(server).get(
      '/entities/component/default/checkout',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      clusters: [],
      drift: [],
    });
    const odd = await request(server).get(
      '/entities/component/default/odd-namespaces',
    );
    expect(odd.status).toBe(200);
    expect(odd.body.explanation.code).toBe('InvalidNamespaceAnnotation');
  });

  it.each([
    ['tailLines=abc', /tailLines must be an integer/],
    ['tailLines=0', /tailLines must be an integer/],
    ['tailLines=999999', /tailLines must be an integer/],
    ['previous=maybe', /previous must be true or false/],
    ['follow=1', /follow must be true or false/],
  ])('refuses logs?%s with 400', async (query, message) => {
    const res = await request(await app()).get(
      `/entities/component/default/checkout/clusters/prod-us/pods/shop/checkout-1/logs?${query}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 400 for malformed names and 404 for an unknown cluster or pod', async () => {
    const server = await app();
    expect(
      (
        await request(server).get(
          '/entities/component/default/checkout/clusters/prod-us/pods/shop/Bad_Name/logs',
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await request(server).get(
          '/entities/component/default/checkout/clusters/nowhere/pods/shop/checkout-1/logs',
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await request(server).get(
          '/entities/component/default/checkout/clusters/nowhere/workloads/Deployment/shop/checkout',
        )
      ).status,
    ).toBe(404);
  });

  it('checks multicluster.logs.read before looking for the pod', async () => {
    const res = await request(await app(AuthorizeResult.DENY)).get(
      '/entities/component/default/checkout/clusters/prod-us/pods/shop/checkout-1/logs',
    );
    expect(res.status).toBe(403);
  });
});
