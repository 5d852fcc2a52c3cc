import { mockServices } from '@backstage/backend-test-utils';
import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubernetesRequestError } from '@kubeplatform/clusters-node';
import request from 'supertest';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { ClusterWriter } from './ClusterWriter';
import { routerApp } from '../__testUtils__/routerApp';

/** The action routes on an in-memory cluster: order of checks, audit trail, what is written. */

const meta = (name: string, namespace: string, labels: object) => ({
  name,
  namespace,
  uid: `uid-${name}`,
  labels,
});

const objects: Record<string, any[]> = {
  deployments: [
    {
      metadata: meta('checkout', 'shop', {
        'backstage.io/kubernetes-id': 'checkout',
      }),
      spec: { replicas: 2 },
      status: {},
    },
    {
      metadata: meta('payments', 'shop', {
        'backstage.io/kubernetes-id': 'payments',
      }),
      spec: { replicas: 2 },
      status: {},
    },
  ],
  horizontalpodautoscalers: [
    {
      metadata: meta('checkout', 'shop', {}),
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'checkout' },
        minReplicas: 2,
        maxReplicas: 6,
      },
    },
  ],
  pods: [
    {
      metadata: meta('checkout-1', 'shop', {
        'backstage.io/kubernetes-id': 'checkout',
      }),
      spec: { containers: [] },
      status: {},
    },
  ],
};

const reader = inMemoryCacheReader({ name: 'prod-us' }, objects);

const checkout = '/entities/component/default/checkout/clusters/prod-us';

async function app(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  writerError?: Error,
) {
  const writes: Array<Parameters<ClusterWriter['send']>> = [];
  const auditor = mockServices.auditor.mock();
  const server = await routerApp({
    entities: [serviceEntity('checkout'), serviceEntity('payments')],
    permission: result,
    clusters: [reader],
    config: {
      kubeplatform: { multicluster: { actions: { maxReplicas: 5 } } },
    },
    auditor,
    writer: {
      send: async (...args) => {
        writes.push(args);
        if (writerError) throw writerError;
        return {};
      },
    },
  });
  const events = async () =>
    Promise.all(auditor.createEvent.mock.results.map(r => r.value));
  /** The action routes of checkout on prod-us; `workload` is kind/namespace/name. */
  const scale = (workload: string, replicas: number) =>
    request(server)
      .post(`${checkout}/workloads/${workload}/scale`)
      .send({ replicas });
  const restart = (workload: string) =>
    request(server).post(`${checkout}/workloads/${workload}/restart`);
  const deletePod = (name: string, uid?: string) =>
    request(server).delete(
      `${checkout}/pods/shop/${name}${uid ? `?uid=${uid}` : ''}`,
    );
  return { server, writes, auditor, events, scale, restart, deletePod };
}

/** Expects the action to have succeeded after asking the writer for just `sent`, on prod-us. */
function expectSentToProdUs(
  a: Awaited<ReturnType<typeof app>>,
  res: request.Response,
  sent: Parameters<ClusterWriter['send']>[1],
) {
  expect(res.status).toBe(200);
  expect(a.writes).toEqual([['prod-us', sent]]);
}

describe('action routes', () => {
  it('scales through the scale subresource and audits the success', async () => {
    const a = await app();
    const res = await a.scale('Deployment/shop/checkout', 4);
    expectSentToProdUs(a, res, {
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/shop/deployments/checkout/scale',
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 4 } },
    });
    expect(a.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'workload-scale',
        severityLevel: 'medium',
        meta: expect.objectContaining({
          entityRef: 'component:default/checkout',
          cluster: 'prod-us',
          kind: 'Deployment',
          namespace: 'shop',
          name: 'checkout',
          replicas: 4,
        }),
      }),
    );
    const [event] = await a.events();
    expect(event.success).toHaveBeenCalled();
  });

  it('keeps a scale within the HPA bounds and the ceiling, writing nothing otherwise', async () => {
    const a = await app();
    for (const [replicas, message] of [
      [1, /from 2 to 5 \(the HorizontalPodAutoscaler checkout bounds it\)/],
      [6, /from 2 to 5/],
      [-1, /from 2 to 5/],
      [2.5, /whole number/],
    ] as const) {
      const res = await a.scale('Deployment/shop/checkout', replicas);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(a.writes).toEqual([]);
    for (const event of await a.events()) expect(event.fail).toHaveBeenCalled();
  });

  it('restarts with a strategic-merge patch of the template annotation', async () => {
    const a = await app();
    const res = await a.restart('Deployment/shop/checkout');
    expect(res.status).toBe(200);
    const [[, sent]] = a.writes;
    expect(sent).toMatchObject({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/shop/deployments/checkout',
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(sent.body).toHaveProperty(
      [
        'spec',
        'template',
        'metadata',
        'annotations',
        'kubectl.kubernetes.io/restartedAt',
      ],
      res.body.restartedAt,
    );
  });

  it("answers 404 for another entity's workload and 403 without the permission, writing nothing and auditing the refusal", async () => {
    const allowed = await app();
    expect((await allowed.restart('Deployment/shop/payments')).status).toBe(
      404,
    );
    expect(allowed.writes).toEqual([]);

    const denied = await app(AuthorizeResult.DENY);
    expect((await denied.restart('Deployment/shop/checkout')).status).toBe(403);
    expect(
      (await denied.deletePod('checkout-1', 'uid-checkout-1')).status,
    ).toBe(403);
    expect(denied.writes).toEqual([]);
    const events = await denied.events();
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event.fail).toHaveBeenCalledWith({
        error: expect.objectContaining({ name: 'NotAllowedError' }),
      });
    }
  });

  it('refuses to scale a DaemonSet or restart a Job (400)', async () => {
    const a = await app();
    expect((await a.scale('DaemonSet/shop/checkout', 2)).status).toBe(400);
    expect((await a.restart('Job/shop/checkout')).status).toBe(400);
    expect(a.writes).toEqual([]);
  });

  it('deletes a pod with its uid as precondition; a stale uid is 409 and writes nothing', async () => {
    const a = await app();
    const stale = await a.deletePod('checkout-1', 'uid-older');
    expect(stale.status).toBe(409);
    expect(a.writes).toEqual([]);
    const res = await a.deletePod('checkout-1', 'uid-checkout-1');
    expectSentToProdUs(a, res, {
      method: 'DELETE',
      path: '/api/v1/namespaces/shop/pods/checkout-1',
      contentType: 'application/json',
      body: {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        preconditions: { uid: 'uid-checkout-1' },
      },
    });
  });

  it("answers 503 with the cluster's message when the service account may not write", async () => {
    const a = await app(
      AuthorizeResult.ALLOW,
      KubernetesRequestError.fromStatus(
        403,
        'PATCH /apis/apps/v1/namespaces/shop/deployments/checkout',
        'forbidden',
      ),
    );
    const res = await a.restart('Deployment/shop/checkout');
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/did not carry out.*forbidden/);
  });

  it.each([
    [AuthorizeResult.ALLOW, true],
    [AuthorizeResult.DENY, false],
  ])(
    'tells the caller which actions it may take (%s)',
    async (permission, allowed) => {
      const a = await app(permission);
      const res = await request(a.server).get(
        '/entities/component/default/checkout/actions',
      );
      expect(res.body).toEqual({
        restart: { allowed },
        scale: { allowed },
        deletePod: { allowed },
      });
    },
  );
});
