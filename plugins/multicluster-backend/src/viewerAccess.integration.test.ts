import {
  loadLocalFleet,
  LocalFleet,
  signInAtLocalIssuer,
} from '@kubeplatform/local-clusters';
import type { EntityView } from '@kubeplatform/clusters-common';
import {
  FleetBackend,
  fleetConfig,
  startFleetBackend,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { demoServiceEntities } from './__testUtils__/startMulticlusterOnFleet';
import { openViewStream } from './__testUtils__/sse';
import { multiclusterPlugin } from './plugin';

/**
 * User-level clusters on the real fleet with real OIDC tokens from the local issuer
 * (packages/local-clusters/src/oidc): both clusters use `authProvider: oidc`; the watch cache
 * reads them with their `cacheCredential` (the fleet's reader service account), and each viewer
 * is checked with their own ID token. alice may read `shop` in dev-eu and prod-us; bob only in
 * dev-eu (403 in prod-us).
 */
jest.setTimeout(120_000);

const HEADER = 'Backstage-Kubernetes-Authorization-Oidc-oidc';

let fleet: LocalFleet;
let backend: FleetBackend;
let alice: string;
let bob: string;

/** The fleet's config with every cluster switched to oidc, read by the cache as a service. */
function oidcFleetConfig(f: LocalFleet) {
  const config = fleetConfig(f.clusters.map(cluster => ({ cluster }))) as any;
  const tokens = new Map<string, string>();
  for (const c of config.kubernetes.clusterLocatorMethods[0].clusters) {
    tokens.set(c.name, c.serviceAccountToken);
    delete c.serviceAccountToken;
    c.authProvider = 'oidc';
    c.oidcTokenProvider = 'oidc';
  }
  for (const c of config.kubeplatform.clusters) {
    c.cacheCredential = {
      authProvider: 'serviceAccount',
      serviceAccountToken: tokens.get(c.name),
    };
  }
  return config;
}

beforeAll(async () => {
  fleet = await loadLocalFleet();
  [alice, bob] = await Promise.all([
    signInAtLocalIssuer('alice').then(t => t.idToken),
    signInAtLocalIssuer('bob').then(t => t.idToken),
  ]);
  backend = await startFleetBackend({
    features: [multiclusterPlugin],
    config: oidcFleetConfig(fleet),
    entities: demoServiceEntities(),
  });
  await backend.cache.start();
  await backend.cache.waitForSync(20_000);
});

afterAll(async () => {
  await backend?.stop();
});

const viewUrl = (name: string) =>
  `${backend.apiUrl('multicluster')}/entities/component/default/${name}`;

async function viewAs(
  token: string | undefined,
  name = 'checkout',
): Promise<EntityView> {
  const res = await fetch(viewUrl(name), {
    headers: token ? { [HEADER]: `Bearer ${token}` } : {},
  });
  expect(res.status).toBe(200);
  return (await res.json()) as EntityView;
}

const cluster = (view: EntityView, name: string) => {
  const found = view.clusters.find(c => c.cluster.name === name);
  expect(found).toBeDefined();
  return found!;
};

describe('user-level clusters with real OIDC tokens', () => {
  it('are user mode, read by the cache with the service credential', async () => {
    const view = await viewAs(alice);
    for (const name of ['dev-eu', 'prod-us']) {
      expect(cluster(view, name).cluster.authMode).toBe('user');
    }
  });

  it('alice sees checkout in prod-us and dev-eu', async () => {
    const view = await viewAs(alice);
    for (const name of ['dev-eu', 'prod-us']) {
      const c = cluster(view, name);
      expect(c.sync.state).toBe('ok');
      expect(c.workloads.map(w => w.name)).toContain('checkout');
    }
  });

  it('bob sees prod-us as forbidden and dev-eu workloads', async () => {
    const view = await viewAs(bob);
    const prod = cluster(view, 'prod-us');
    expect(prod.sync.state).toBe('forbidden');
    expect(prod.workloads).toEqual([]);
    expect(prod.problems).toEqual([]);
    const dev = cluster(view, 'dev-eu');
    expect(dev.sync.state).toBe('ok');
    expect(dev.workloads.map(w => w.name)).toContain('checkout');
  });

  it("bob's live stream shows prod-us forbidden too", async () => {
    const stream = await openViewStream(`${viewUrl('checkout')}/stream`, {
      headers: { [HEADER]: `Bearer ${bob}` },
    });
    try {
      const { view: first } = await stream.waitFor(
        v => v.clusters.length > 0,
        20_000,
      );
      expect(cluster(first, 'prod-us').sync.state).toBe('forbidden');
      expect(cluster(first, 'dev-eu').workloads.length).toBeGreaterThan(0);
    } finally {
      await stream.close();
    }
  });

  it('a viewer without a token sees both clusters unauthorized, nothing of them', async () => {
    const view = await viewAs(undefined);
    for (const name of ['dev-eu', 'prod-us']) {
      const c = cluster(view, name);
      expect(c.sync.state).toBe('unauthorized');
      expect(c.sync.reason).toContain('no oidc (oidc) token was sent');
      expect(c.workloads).toEqual([]);
    }
  });

  it('a forged token is refused by the API servers; no token text comes back', async () => {
    const forged = `${alice.split('.').slice(0, 2).join('.')}.c2lnbmF0dXJl`;
    const res = await fetch(viewUrl('checkout'), {
      headers: { [HEADER]: `Bearer ${forged}` },
    });
    const text = await res.text();
    expect(text).not.toContain(forged);
    const view = JSON.parse(text) as EntityView;
    for (const name of ['dev-eu', 'prod-us']) {
      expect(cluster(view, name).sync.state).toBe('unauthorized');
      expect(cluster(view, name).workloads).toEqual([]);
    }
  });

  it("bob cannot open the logs of alice's prod-us pods", async () => {
    const view = await viewAs(alice);
    const pod = cluster(view, 'prod-us').workloads.find(
      w => w.name === 'checkout',
    );
    const detailAs = (token: string) =>
      fetch(
        `${viewUrl('checkout')}/clusters/prod-us/workloads/${pod!.kind}/${
          pod!.namespace
        }/checkout`,
        { headers: { [HEADER]: `Bearer ${token}` } },
      );
    const detail = await detailAs(alice);
    expect(detail.status).toBe(200);
    const podName = (await detail.json()).pods[0].name;
    const logsAs = (token: string) =>
      fetch(
        `${viewUrl('checkout')}/clusters/prod-us/pods/${
          pod!.namespace
        }/${podName}/logs`,
        { headers: { [HEADER]: `Bearer ${token}` } },
      );
    expect((await logsAs(bob)).status).toBe(404);
    expect((await detailAs(bob)).status).toBe(404);
  });
});
