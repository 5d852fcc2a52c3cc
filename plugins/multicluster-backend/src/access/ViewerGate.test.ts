import type { ClusterIdentity } from '@kubeplatform/clusters-common';
import type {
  AccessAttributes,
  CacheReader,
  ViewerAccessReview,
  ViewerAccessService,
  ViewerRequestAuth,
} from '@kubeplatform/clusters-node';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { ViewerGate, writeAttributes } from './ViewerGate';

// Metadata of objects on the local fleet's prod-us (kubectl get -o json), as the cache keeps them.
const labels = (name: string, id = name) => ({
  'app.kubernetes.io/component': 'server',
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': 'kubeplatform-demo',
  'backstage.io/kubernetes-id': id,
});
const checkoutDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'checkout', namespace: 'shop', labels: labels('checkout') },
};
const checkoutPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'checkout-5f8fb8fdb7-7kzkf',
    namespace: 'shop',
    labels: {
      ...labels('checkout'),
      'kubeplatform.io/simulate': 'crashloop',
      'pod-template-hash': '5f8fb8fdb7',
    },
  },
};
const notificationsPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'notifications-56b64fd79-bslm5',
    namespace: 'discovery',
    labels: {
      ...labels('notifications', 'checkout'),
      'kubeplatform.io/simulate': 'oom-killed',
      'pod-template-hash': '56b64fd79',
    },
  },
};

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2ln';
const viewer: ViewerRequestAuth = { oidc: { local: TOKEN } };

function cluster(authMode: 'service' | 'user'): CacheReader {
  const identity = {
    name: 'prod-us',
    title: 'prod-us',
    authMode,
  } as ClusterIdentity;
  const base = inMemoryCacheReader(identity, {
    deployments: [checkoutDeployment],
    pods: [checkoutPod, notificationsPod],
  });
  return {
    ...base,
    podUsage: (namespace: string, name: string) =>
      ({
        containers: [{ name, cpuMillicores: 1, memoryBytes: 1 }],
        namespace,
      } as any),
    eventsFor: () => [
      {
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
      } as any,
    ],
  } as unknown as CacheReader;
}

/** A ViewerAccessService that answers by `decide`, and records what it was asked. */
function fakeAccess(
  decide: (a: AccessAttributes) => boolean,
  failure?: ViewerAccessReview['failure'],
) {
  const asked: Array<{
    cluster: string;
    viewer: ViewerRequestAuth;
    attributes: AccessAttributes[];
  }> = [];
  const service: ViewerAccessService = {
    async review(clusterName, v, attributes) {
      asked.push({ cluster: clusterName, viewer: v, attributes });
      return failure
        ? { allowed: attributes.map(() => false), failure }
        : { allowed: attributes.map(decide) };
    },
  };
  return { service, asked };
}

/** What a view of checkout reads: its Deployment, pods, their usage and events. */
const touchCheckout = (r: CacheReader) => {
  r.listByKubernetesId('deployments', 'checkout');
  for (const p of r.listByKubernetesId('pods', 'checkout')) {
    r.podUsage(p.metadata!.namespace!, p.metadata!.name!);
    r.eventsFor('Pod', p.metadata!.namespace!, p.metadata!.name!);
  }
};

/** What the viewer sees of a user-level cluster when the view reads checkout's objects. */
const checkoutSeenBy = (service?: ViewerAccessService) =>
  new ViewerGate(service).reader(cluster('user'), viewer, touchCheckout);

/** How the status names a type and namespace the viewer may not list. */
const forbiddenToList = (resource: string, namespace: string) => ({
  resource,
  namespace,
  state: 'forbidden',
  reason: 'your credentials may not list these',
});

const names = (objs: Array<{ metadata?: { name?: string } }>) =>
  objs.map(o => o.metadata?.name);

describe('ViewerGate', () => {
  it('passes a service-level cluster unchanged, without asking', async () => {
    const { service, asked } = fakeAccess(() => false);
    const gate = new ViewerGate(service);
    const reader = cluster('service');
    expect(await gate.reader(reader, viewer, touchCheckout)).toBe(reader);
    await expect(
      gate.requireAllowed(reader, viewer, {
        verb: 'delete',
        group: '',
        resource: 'pods',
        namespace: 'shop',
      }),
    ).resolves.toBeUndefined();
    expect(asked).toEqual([]);
  });

  describe('on a user-level cluster', () => {
    it('hands out a reader with no changeCount, so no view built for one viewer is reused for another', async () => {
      const { service } = fakeAccess(() => true);
      const counted = { ...cluster('user'), changeCount: () => 7 };
      const seen = await new ViewerGate(service).reader(
        counted,
        viewer,
        touchCheckout,
      );
      expect(seen).not.toBe(counted);
      expect(seen.changeCount).toBeUndefined();
      expect('changeCount' in seen ? seen.changeCount?.() : undefined).toBe(
        undefined,
      );
    });

    it('asks, with the viewer, to list exactly the types and namespaces the view reads', async () => {
      const { service, asked } = fakeAccess(() => true);
      const gate = new ViewerGate(service);
      const seen = await gate.reader(cluster('user'), viewer, touchCheckout);

      expect(asked).toHaveLength(1);
      expect(asked[0].cluster).toBe('prod-us');
      expect(asked[0].viewer).toBe(viewer);
      expect(asked[0].attributes).toEqual(
        expect.arrayContaining([
          {
            verb: 'list',
            group: 'apps',
            resource: 'deployments',
            namespace: 'shop',
          },
          { verb: 'list', group: '', resource: 'pods', namespace: 'shop' },
          { verb: 'list', group: '', resource: 'pods', namespace: 'discovery' },
          { verb: 'list', group: '', resource: 'events', namespace: 'shop' },
          {
            verb: 'list',
            group: '',
            resource: 'events',
            namespace: 'discovery',
          },
          {
            verb: 'list',
            group: 'metrics.k8s.io',
            resource: 'pods',
            namespace: 'shop',
          },
          {
            verb: 'list',
            group: 'metrics.k8s.io',
            resource: 'pods',
            namespace: 'discovery',
          },
        ]),
      );
      expect(asked[0].attributes).toHaveLength(7);
      expect(seen.status()).toEqual({ state: 'ok' });
      expect(names(seen.listByKubernetesId('pods', 'checkout'))).toEqual([
        checkoutPod.metadata.name,
        notificationsPod.metadata.name,
      ]);
    });

    it('hides the objects, usage and events of a denied type and namespace, and says so as partial', async () => {
      const { service } = fakeAccess(a => a.namespace !== 'discovery');
      const seen = await checkoutSeenBy(service);

      expect(names(seen.listByKubernetesId('pods', 'checkout'))).toEqual([
        checkoutPod.metadata.name,
      ]);
      expect(names(seen.list('pods'))).toEqual([checkoutPod.metadata.name]);
      expect(
        seen.get('pods', 'discovery', notificationsPod.metadata.name),
      ).toBeUndefined();
      expect(
        seen.podUsage('discovery', notificationsPod.metadata.name),
      ).toBeUndefined();
      expect(
        seen.eventsFor('Pod', 'discovery', notificationsPod.metadata.name),
      ).toEqual([]);
      // What is allowed stays visible.
      expect(seen.podUsage('shop', checkoutPod.metadata.name)).toBeDefined();
      expect(
        seen.eventsFor('Pod', 'shop', checkoutPod.metadata.name),
      ).toHaveLength(1);
      expect(seen.get('deployments', 'shop', 'checkout')?.metadata?.name).toBe(
        'checkout',
      );

      expect(seen.status()).toEqual({
        state: 'ok',
        partial: [
          forbiddenToList('pods', 'discovery'),
          forbiddenToList('pods.metrics.k8s.io', 'discovery'),
          forbiddenToList('events', 'discovery'),
        ],
      });
    });

    describe('CPU and memory (pods.metrics.k8s.io)', () => {
      const listMetrics = (namespace: string) => ({
        verb: 'list',
        group: 'metrics.k8s.io',
        resource: 'pods',
        namespace,
      });

      it('asks to list pods in metrics.k8s.io where the view reads usage', async () => {
        const { service, asked } = fakeAccess(() => true);
        const seen = await checkoutSeenBy(service);
        expect(asked[0].attributes).toEqual(
          expect.arrayContaining([
            listMetrics('shop'),
            listMetrics('discovery'),
          ]),
        );
        expect(seen.podUsage('shop', checkoutPod.metadata.name)).toBeDefined();
      });

      it('hides usage from a viewer who may list pods but not their metrics, and says so as partial', async () => {
        const { service } = fakeAccess(a => a.group !== 'metrics.k8s.io');
        const seen = await checkoutSeenBy(service);
        expect(names(seen.listByKubernetesId('pods', 'checkout'))).toEqual([
          checkoutPod.metadata.name,
          notificationsPod.metadata.name,
        ]);
        expect(
          seen.podUsage('shop', checkoutPod.metadata.name),
        ).toBeUndefined();
        expect(seen.status().partial).toEqual([
          forbiddenToList('pods.metrics.k8s.io', 'shop'),
          forbiddenToList('pods.metrics.k8s.io', 'discovery'),
        ]);
      });

      it('hides usage from a viewer who may list metrics but not the pods', async () => {
        const { service } = fakeAccess(
          a => !(a.group === '' && a.resource === 'pods'),
        );
        const seen = await checkoutSeenBy(service);
        expect(
          seen.podUsage('shop', checkoutPod.metadata.name),
        ).toBeUndefined();
      });

      it('asks nothing about metrics when the view found no usage', async () => {
        const { service, asked } = fakeAccess(() => true);
        await new ViewerGate(service).reader(
          { ...cluster('user'), podUsage: () => undefined } as CacheReader,
          viewer,
          touchCheckout,
        );
        expect(
          asked[0].attributes.filter(a => a.group === 'metrics.k8s.io'),
        ).toEqual([]);
      });
    });

    it('hides objects of a type that was not checked (a read the view did not make)', async () => {
      const { service } = fakeAccess(() => true);
      const seen = await new ViewerGate(service).reader(
        cluster('user'),
        viewer,
        r => r.list('pods', 'shop'),
      );
      expect(names(seen.list('pods', 'shop'))).toEqual([
        checkoutPod.metadata.name,
      ]);
      expect(seen.list('deployments')).toEqual([]);
      expect(seen.list('pods', 'discovery')).toEqual([]);
    });

    it('shows a viewer denied everything the cluster as forbidden, with nothing in it', async () => {
      const { service } = fakeAccess(() => false);
      const seen = await checkoutSeenBy(service);
      expect(seen.list('pods')).toEqual([]);
      expect(seen.listByKubernetesId('deployments', 'checkout')).toEqual([]);
      expect(seen.podUsage('shop', checkoutPod.metadata.name)).toBeUndefined();
      const status = seen.status();
      expect(status.state).toBe('forbidden');
      expect(status.reason).toMatch(
        /^your credentials may not read this in cluster 'prod-us' \(list deployments\.apps in shop, list pods in shop, list pods in discovery, …\)$/,
      );
    });

    it('checks the fallback namespaces when the view reads nothing, so "nothing here" is never told to one who may not look', async () => {
      const { service, asked } = fakeAccess(() => false);
      const seen = await new ViewerGate(service).reader(
        cluster('user'),
        viewer,
        () => {},
        ['payments'],
      );
      expect(asked[0].attributes).toEqual([
        { verb: 'list', group: '', resource: 'pods', namespace: 'payments' },
      ]);
      expect(seen.status().state).toBe('forbidden');

      const wide = fakeAccess(() => false);
      await new ViewerGate(wide.service).reader(
        cluster('user'),
        viewer,
        () => {},
      );
      expect(wide.asked[0].attributes).toEqual([
        { verb: 'list', group: '', resource: 'pods' },
      ]);
    });

    it.each([
      ['unauthorized', 'unauthorized'],
      ['unreachable', 'unreachable'],
      ['timeout', 'timeout'],
      ['server_error', 'forbidden'],
    ])(
      'shows a failed review (%s) as the cluster state %s, with nothing in it',
      async (failed, state) => {
        const reason = `no oidc (local) token was sent for cluster 'prod-us'`;
        const { service } = fakeAccess(() => true, { state: failed, reason });
        const seen = await checkoutSeenBy(service);
        expect(seen.status()).toEqual({ state, reason });
        expect(seen.list('pods')).toEqual([]);
        expect(
          seen.podUsage('shop', checkoutPod.metadata.name),
        ).toBeUndefined();
      },
    );

    it('without a ViewerAccessService, shows nothing and says the check is not installed', async () => {
      const seen = await checkoutSeenBy();
      expect(seen.status()).toEqual({
        state: 'unauthorized',
        reason: 'the viewer access check is not installed',
      });
      expect(seen.list('pods')).toEqual([]);
    });

    it('treats a review with fewer answers than questions as denied', async () => {
      const service: ViewerAccessService = {
        review: async () => ({ allowed: [true] }),
      };
      const seen = await checkoutSeenBy(service);
      expect(seen.list('pods')).toEqual([]);
      expect(names(seen.list('deployments'))).toEqual(['checkout']);
    });

    describe('requireAllowed', () => {
      const deletePod = {
        verb: 'delete',
        group: '',
        resource: 'pods',
        namespace: 'shop',
        name: checkoutPod.metadata.name,
      };

      it('passes when the viewer may, asking exactly that', async () => {
        const { service, asked } = fakeAccess(() => true);
        await new ViewerGate(service).requireAllowed(
          cluster('user'),
          viewer,
          deletePod,
        );
        expect(asked).toEqual([
          { cluster: 'prod-us', viewer, attributes: [deletePod] },
        ]);
      });

      it('refuses with what was not allowed, never the token', async () => {
        const { service } = fakeAccess(() => false);
        const gate = new ViewerGate(service);
        const scale = writeAttributes({
          method: 'PATCH',
          path: '/apis/apps/v1/namespaces/shop/deployments/checkout/scale',
        });
        await expect(
          gate.requireAllowed(cluster('user'), viewer, scale),
        ).rejects.toMatchObject({
          name: 'NotAllowedError',
          message:
            "Your credentials may not patch deployments/scale.apps in shop on cluster 'prod-us'",
        });
        const error = await gate
          .requireAllowed(cluster('user'), viewer, deletePod)
          .then(
            () => new Error('allowed'),
            (e: Error) => e,
          );
        expect(error.message).toBe(
          "Your credentials may not delete pods in shop on cluster 'prod-us'",
        );
        expect(JSON.stringify(error)).not.toContain(TOKEN);
        expect(error.message).not.toContain(TOKEN);
      });

      it('refuses with the reason when the viewer cannot be checked', async () => {
        const { service } = fakeAccess(() => true, {
          state: 'unauthorized',
          reason: 'the API server refused the token',
        });
        await expect(
          new ViewerGate(service).requireAllowed(
            cluster('user'),
            viewer,
            deletePod,
          ),
        ).rejects.toMatchObject({
          name: 'NotAllowedError',
          message:
            "Your credentials cannot be checked on cluster 'prod-us': the API server refused the token",
        });
      });

      it('refuses when no ViewerAccessService is installed', async () => {
        await expect(
          new ViewerGate().requireAllowed(cluster('user'), viewer, deletePod),
        ).rejects.toMatchObject({ name: 'NotAllowedError' });
      });
    });
  });

  describe('writeAttributes', () => {
    it.each([
      [
        'DELETE',
        '/api/v1/namespaces/shop/pods/checkout-5f8fb8fdb7-7kzkf',
        {
          verb: 'delete',
          group: '',
          resource: 'pods',
          namespace: 'shop',
          name: 'checkout-5f8fb8fdb7-7kzkf',
        },
      ],
      [
        'PATCH',
        '/apis/apps/v1/namespaces/shop/deployments/checkout?fieldManager=kubeplatform',
        {
          verb: 'patch',
          group: 'apps',
          resource: 'deployments',
          namespace: 'shop',
          name: 'checkout',
        },
      ],
    ] as const)('%s %s', (method, path, expected) => {
      expect(writeAttributes({ method, path })).toEqual(expected);
    });

    it('refuses a path it cannot review (cluster-scoped, or not an API path)', () => {
      expect(() =>
        writeAttributes({ method: 'DELETE', path: '/api/v1/nodes/n1' }),
      ).toThrow('Cannot review a write to /api/v1/nodes/n1');
      expect(() =>
        writeAttributes({
          method: 'POST',
          path: '/api/v1/namespaces/shop/pods/a/b/c',
        }),
      ).toThrow();
    });
  });
});
