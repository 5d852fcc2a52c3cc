import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { EntityView } from '@kubeplatform/clusters-common';
import { CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  FleetBackend,
  FleetBackendOptions,
  serviceEntity,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { startMulticlusterOnFleet } from './__testUtils__/startMulticlusterOnFleet';
import { expectStreamEndsWhenWithdrawn } from './__testUtils__/expectStreamEndsWhenWithdrawn';
import { asUser, openInARow } from './__testUtils__/openAsUser';

/**
 * Attacks on the read side (issue 11, findings 4, 7 and 8) against the real local fleet
 * (`yarn clusters up`): what an entity author or one user's token can make the backend show or
 * hold. Nothing is changed on the clusters.
 */
jest.setTimeout(120_000);

let fleet: LocalFleet;
type Backend = FleetBackend;

/** Watches re-open every ~2 s, so a starved socket pool shows within seconds. */
const fastWatches = {
  requestTimeoutSeconds: 3,
  watchTimeoutSeconds: 2,
  backoffBaseSeconds: 0.2,
  backoffMaxSeconds: 2,
  deniedRetrySeconds: 5,
  healthCheckSeconds: 1,
};

async function start(
  multicluster: object,
  extra: { catalog?: FleetBackendOptions['catalog'] } = {},
): Promise<Backend> {
  return startMulticlusterOnFleet(fleet, {
    config: {
      watchCache: fastWatches,
      multicluster: {
        stream: { debounceMs: 100, maxWaitMs: 500 },
        ...multicluster,
      },
    },
    syncTimeoutMs: 30_000,
    entities: [
      serviceEntity('checkout'),
      serviceEntity('sneaky', {
        'backstage.io/kubernetes-label-selector': '!nonexistent',
      }),
    ],
    ...extra,
  });
}

/** Pods of the checkout service in every cluster, from the backend's own cache. */
function checkoutPods(backend: Backend) {
  return backend.cache.list().flatMap(reader =>
    reader
      .listByKubernetesId('pods', 'checkout')
      .filter(p => p.status?.phase === 'Running')
      .map(p => ({
        cluster: reader.identity.name,
        namespace: p.metadata!.namespace!,
        name: p.metadata!.name!,
      })),
  );
}

async function syncStates(backend: Backend, entity: string) {
  const res = await fetch(
    `${backend.apiUrl('multicluster')}/entities/component/default/${entity}`,
  );
  const view = (await res.json()) as EntityView;
  return view.clusters.map(c => `${c.cluster.name}:${c.sync.state}`);
}

beforeAll(async () => {
  fleet = await loadLocalFleet();
});

describe('read side attacks on the local fleet', () => {
  it('attack: a Component with the selector !nonexistent is refused with the clear error, shows no workloads, and its logs route answers 403', async () => {
    const backend = await start({});
    try {
      const base = `${backend.apiUrl(
        'multicluster',
      )}/entities/component/default/sneaky`;
      const res = await fetch(base);
      expect(res.status).toBe(200);
      const view = (await res.json()) as EntityView;
      expect(view.clusters.flatMap(c => c.workloads)).toEqual([]);
      expect(view.explanation).toMatchObject({
        code: 'InvalidLabelSelector',
        message:
          "The label selector '!nonexistent' has no positive equality term; see docs/security.md#entity-scope",
      });
      // Another team's pod that the selector would match.
      const [pod] = checkoutPods(backend);
      const logs = await fetch(
        `${base}/clusters/${pod.cluster}/pods/${pod.namespace}/${pod.name}/logs?tailLines=5`,
      );
      expect(logs.status).toBe(403);
      expect(((await logs.json()) as any).error.message).toMatch(
        /no positive equality term/,
      );
    } finally {
      await backend.stop();
    }
  });

  it("attack: one user's 100 log follows are capped (429 with Retry-After) and every cluster's watches stay ok while the allowed follows are open", async () => {
    const backend = await start({
      logs: { maxFollowsPerUser: 5, maxFollowSeconds: 60 },
    });
    const abort = new AbortController();
    try {
      const pods = checkoutPods(backend);
      expect(new Set(pods.map(p => p.cluster)).size).toBeGreaterThanOrEqual(2);
      const url = (i: number) => {
        const p = pods[i % pods.length];
        return `${backend.apiUrl(
          'multicluster',
        )}/entities/component/default/checkout/clusters/${p.cluster}/pods/${
          p.namespace
        }/${p.name}/logs?follow=true&tailLines=1`;
      };
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          fetch(url(i), {
            headers: asUser('user:default/mallory'),
            signal: abort.signal,
          }),
        ),
      );
      const statuses = responses.map(r => r.status);
      expect(statuses.filter(s => s === 200)).toHaveLength(5);
      expect(statuses.filter(s => s === 429)).toHaveLength(95);
      const refused = responses.find(r => r.status === 429)!;
      expect(refused.headers.get('retry-after')).toBe('15');
      // Another user is not refused because of mallory.
      const alice = await fetch(url(0), {
        headers: asUser('user:default/alice'),
        signal: abort.signal,
      });
      expect(alice.status).toBe(200);

      // While the follows stay open, watches re-open (every ~2 s) and must stay ok.
      const samples: string[][] = [];
      for (let i = 0; i < 12; i++) {
        samples.push(await syncStates(backend, 'checkout'));
        await new Promise(r => setTimeout(r, 500));
      }
      for (const states of samples) {
        expect(states.length).toBeGreaterThanOrEqual(2);
        expect(states.every(s => s.endsWith(':ok'))).toBe(true);
      }
    } finally {
      abort.abort();
      await backend.stop();
    }
  });

  it("attack: 100 admitted log follows on one cluster (100 users' worth) do not starve that cluster's watches", async () => {
    const backend = await start({
      logs: {
        maxFollowsPerUser: 1000,
        maxFollowSeconds: 60,
        requestTimeoutSeconds: 3,
      },
    });
    const abort = new AbortController();
    // The one change this test makes: a selector-less Service, deleted at the end.
    const core = fleet.cluster('prod-us').kubeConfig().makeApiClient(CoreV1Api);
    const probe = `it-attack-fresh-${Date.now().toString(36)}`;
    try {
      const pods = checkoutPods(backend).filter(p => p.cluster === 'prod-us');
      expect(pods.length).toBeGreaterThan(0);
      const follows = Array.from({ length: 100 }, (_, i) => {
        const p = pods[i % pods.length];
        return fetch(
          `${backend.apiUrl(
            'multicluster',
          )}/entities/component/default/checkout/clusters/prod-us/pods/${
            p.namespace
          }/${p.name}/logs?follow=true&tailLines=1`,
          { signal: abort.signal },
        ).then(
          r => r.status,
          () => 0,
        );
      });
      // Long enough for every watch to have re-opened (every ~2 s) behind the follows.
      const samples: string[][] = [];
      for (let i = 0; i < 10; i++) {
        await new Promise(r => setTimeout(r, 500));
        samples.push(await syncStates(backend, 'checkout'));
      }
      const prod = samples.map(s => s.find(c => c.startsWith('prod-us:')));
      expect(prod).toEqual(Array(samples.length).fill('prod-us:ok'));
      // "ok" must mean current: a change in the cluster still reaches the cache.
      await core.createNamespacedService({
        namespace: 'shop',
        body: { metadata: { name: probe }, spec: { ports: [{ port: 80 }] } },
      });
      const seenBy = Date.now() + 8_000;
      while (
        !backend.cache.get('prod-us')?.get('services', 'shop', probe) &&
        Date.now() < seenBy
      ) {
        await new Promise(r => setTimeout(r, 100));
      }
      expect(
        backend.cache.get('prod-us')?.get('services', 'shop', probe),
      ).toBeDefined();
      abort.abort();
      const statuses = await Promise.all(follows);
      // The log pool admits some follows at once; the rest wait for a socket and time out.
      expect(statuses.filter(s => s === 200).length).toBeGreaterThan(0);
    } finally {
      abort.abort();
      await core
        .deleteNamespacedService({ namespace: 'shop', name: probe })
        .catch(() => undefined);
      await backend.stop();
    }
  });

  it('attack: a live view stream closes soon after the viewer loses sight of the entity', async () => {
    let visible = true;
    const checkout = serviceEntity('checkout') as Entity;
    const base = catalogServiceMock({ entities: [checkout] });
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async (ref, options) =>
        visible ? base.getEntityByRef(ref, options) : undefined,
    });
    const backend = await start(
      { stream: { debounceMs: 100, maxWaitMs: 500, recheckAccessSeconds: 1 } },
      { catalog },
    );
    const abort = new AbortController();
    try {
      const res = await fetch(
        `${backend.apiUrl(
          'multicluster',
        )}/entities/component/default/checkout/stream`,
        { signal: abort.signal },
      );
      expect(res.status).toBe(200);
      await expectStreamEndsWhenWithdrawn(res, {
        settleMs: 2_500,
        withdraw: () => {
          visible = false;
        },
        timeoutMs: 10_000,
        withinMs: 5_000,
      });
    } finally {
      abort.abort();
      await backend.stop();
    }
  });

  it('attack: one user opening more live view streams than allowed gets 429 with Retry-After', async () => {
    const backend = await start({
      stream: { debounceMs: 100, maxWaitMs: 500, maxPerUser: 3 },
    });
    const abort = new AbortController();
    try {
      const { statuses, retryAfter } = await openInARow(
        `${backend.apiUrl(
          'multicluster',
        )}/entities/component/default/checkout/stream`,
        6,
        'user:default/mallory',
        abort.signal,
      );
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      expect(retryAfter[5]).toBe('15');
    } finally {
      abort.abort();
      await backend.stop();
    }
  });
});
