import {
  CoreV1Api,
  KubeConfig,
  V1ConfigMap,
  Watch,
} from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from './localFleet';

/**
 * Proves the harness reaches real API servers: real watches, resourceVersions, RBAC, and the
 * 403, 409 and 410 answers an HTTP mock could only imitate.
 */
jest.setTimeout(60_000);

let fleet: LocalFleet;
let admin: KubeConfig;
let core: CoreV1Api;
const namespace = `it-api-${Date.now().toString(36)}`;

beforeAll(async () => {
  fleet = await loadLocalFleet();
  admin = fleet.cluster('dev-eu').kubeConfig();
  core = admin.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
});

afterAll(async () => {
  await core?.deleteNamespace({ name: namespace }).catch(() => undefined);
});

/**
 * Every ConfigMap this test creates carries this label, and the watch test lists and watches by
 * it: the controller manager publishes `kube-root-ca.crt` into every new namespace at a moment of
 * its own choosing, and that object is not part of what the test asserts.
 */
const ownLabel = 'kubeplatform.test/api-semantics';
const ownSelector = `${ownLabel}=true`;

const configMap = (name: string, value: string): V1ConfigMap => ({
  metadata: { name, namespace, labels: { [ownLabel]: 'true' } },
  data: { value },
});

interface WatchEvent {
  type: string;
  object: {
    metadata?: { name?: string };
    data?: Record<string, string>;
    code?: number;
    reason?: string;
  };
}

/** Starts a watch and collects its events until `until` is satisfied or the timeout passes. */
async function watchUntil(
  kc: KubeConfig,
  path: string,
  query: Record<string, string>,
  until: (events: WatchEvent[]) => boolean,
  act: () => Promise<void> = async () => undefined,
): Promise<WatchEvent[]> {
  const events: WatchEvent[] = [];
  let finish: () => void = () => undefined;
  const done = new Promise<void>(resolve => {
    finish = resolve;
  });
  const abort = await new Watch(kc).watch(
    path,
    query,
    (type, object) => {
      events.push({ type, object });
      if (until(events)) finish();
    },
    () => finish(),
  );
  await act();
  const timeout = setTimeout(finish, 20_000);
  await done;
  clearTimeout(timeout);
  abort.abort();
  return events;
}

describe('the local fleet API servers', () => {
  it('creates, lists and watches, and the watch sees a change', async () => {
    await core.createNamespacedConfigMap({
      namespace,
      body: configMap('first', 'a'),
    });
    const list = await core.listNamespacedConfigMap({
      namespace,
      labelSelector: ownSelector,
    });
    expect(list.items.map(i => i.metadata?.name)).toContain('first');
    const listVersion = list.metadata!.resourceVersion!;
    expect(Number(listVersion)).toBeGreaterThan(0);

    const events = await watchUntil(
      admin,
      `/api/v1/namespaces/${namespace}/configmaps`,
      { resourceVersion: listVersion, labelSelector: ownSelector },
      seen =>
        seen.some(
          e => e.type === 'MODIFIED' && e.object.metadata?.name === 'first',
        ),
      async () => {
        // Another writer, like the controller that publishes kube-root-ca.crt: not watched.
        await core.createNamespacedConfigMap({
          namespace,
          body: { metadata: { name: 'other-writer', namespace } },
        });
        await core.createNamespacedConfigMap({
          namespace,
          body: configMap('second', 'b'),
        });
        await core.patchNamespacedConfigMap({
          namespace,
          name: 'first',
          body: [{ op: 'replace', path: '/data/value', value: 'changed' }],
        });
      },
    );
    const summary = events.map(e => `${e.type} ${e.object.metadata?.name}`);
    // Starting at the list's resourceVersion, the watch replays nothing older.
    expect(summary).toEqual(['ADDED second', 'MODIFIED first']);
    expect(events[1].object.data?.value).toBe('changed');
  });

  it('answers 409 Conflict to a create of an existing name', async () => {
    await core.createNamespacedConfigMap({
      namespace,
      body: configMap('twice', '1'),
    });
    await expect(
      core.createNamespacedConfigMap({
        namespace,
        body: configMap('twice', '2'),
      }),
    ).rejects.toMatchObject({ code: 409 });
  });

  it('answers 409 Conflict to an update from a stale resourceVersion', async () => {
    const created = await core.createNamespacedConfigMap({
      namespace,
      body: configMap('optimistic', '1'),
    });
    await core.replaceNamespacedConfigMap({
      namespace,
      name: 'optimistic',
      body: { ...created, data: { value: '2' } },
    });
    await expect(
      core.replaceNamespacedConfigMap({
        namespace,
        name: 'optimistic',
        body: { ...created, data: { value: 'stale' } },
      }),
    ).rejects.toMatchObject({ code: 409 });
  });

  it('answers 410 Gone to a watch from a resourceVersion that is too old', async () => {
    for (let i = 0; i < 3; i++) {
      await core.createNamespacedConfigMap({
        namespace,
        body: configMap(`churn-${i}`, 'x'),
      });
    }
    const events = await watchUntil(
      admin,
      `/api/v1/namespaces/${namespace}/configmaps`,
      { resourceVersion: '1' },
      seen => seen.some(e => e.type === 'ERROR'),
    );
    const error = events.find(e => e.type === 'ERROR');
    expect(error?.object).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('answers 403 to backstage-limited outside its namespaces, 200 inside', async () => {
    const cluster = fleet.cluster('prod-us');
    expect(cluster.limitedNamespaces).toEqual(['shop']);
    const limited = cluster.tokenKubeConfig('limited').makeApiClient(CoreV1Api);
    const inside = await limited.listNamespacedPod({ namespace: 'shop' });
    expect(inside.items.length).toBeGreaterThan(0);
    await expect(
      limited.listNamespacedPod({ namespace: 'discovery' }),
    ).rejects.toMatchObject({
      code: 403,
    });
    await expect(limited.listPodForAllNamespaces()).rejects.toMatchObject({
      code: 403,
    });
  });

  it('lets backstage-reader read every namespace but not Secrets', async () => {
    const reader = fleet
      .cluster('prod-us')
      .tokenKubeConfig('reader')
      .makeApiClient(CoreV1Api);
    const pods = await reader.listPodForAllNamespaces();
    const namespaces = new Set(pods.items.map(p => p.metadata?.namespace));
    expect([...namespaces]).toEqual(
      expect.arrayContaining(['shop', 'discovery']),
    );
    await expect(reader.listSecretForAllNamespaces()).rejects.toMatchObject({
      code: 403,
    });
  });
});
