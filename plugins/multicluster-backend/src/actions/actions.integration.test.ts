import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { TrimmedPod, WorkloadDetail } from '@kubeplatform/clusters-common';
import {
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  RbacAuthorizationV1Api,
  V1Deployment,
} from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  FleetBackend,
  serviceEntity,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { startMulticlusterOnFleet } from '../__testUtils__/startMulticlusterOnFleet';

/** Restart, scale and delete pod against the real local fleet, in a namespace of this test's own. */
jest.setTimeout(120_000);

const CLUSTER = 'dev-eu';
const NS = `mc-actions-${process.pid}`;
let fleet: LocalFleet;
let apps: AppsV1Api;
let core: CoreV1Api;
let backend: FleetBackend;
let denied: FleetBackend;

function deployment(name: string, replicas: number): V1Deployment {
  const labels = { 'backstage.io/kubernetes-id': name, app: name };
  return {
    metadata: { name, namespace: NS, labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: 'main', image: 'example.com/app:1.0.0' }],
          nodeSelector: { type: 'kwok' },
          tolerations: [{ operator: 'Exists' }],
        },
      },
    },
  };
}

beforeAll(async () => {
  fleet = await loadLocalFleet();
  const kc = fleet.cluster(CLUSTER).kubeConfig();
  apps = kc.makeApiClient(AppsV1Api);
  core = kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: NS } } });
  // The admin grants the backend's service account writes in this namespace only.
  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  await rbac.createNamespacedRole({
    namespace: NS,
    body: {
      metadata: { name: 'multicluster-actions' },
      rules: [
        {
          apiGroups: ['apps'],
          resources: [
            'deployments',
            'statefulsets',
            'daemonsets',
            'deployments/scale',
            'statefulsets/scale',
          ],
          verbs: ['patch'],
        },
        { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
      ],
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace: NS,
    body: {
      metadata: { name: 'multicluster-actions' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: 'multicluster-actions',
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: 'backstage-backend',
          namespace: 'kubeplatform',
        },
      ],
    },
  });
  await apps.createNamespacedDeployment({
    namespace: NS,
    body: deployment('actions-demo', 1),
  });
  await apps.createNamespacedDeployment({
    namespace: NS,
    body: deployment('actions-hpa', 2),
  });
  await apps.createNamespacedDeployment({
    namespace: NS,
    body: deployment('other-team', 1),
  });
  await kc
    .makeApiClient(AutoscalingV2Api)
    .createNamespacedHorizontalPodAutoscaler({
      namespace: NS,
      body: {
        metadata: { name: 'actions-hpa' },
        spec: {
          scaleTargetRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'actions-hpa',
          },
          minReplicas: 2,
          maxReplicas: 3,
        },
      },
    });
  const options = {
    clusters: [fleet.cluster(CLUSTER)],
    token: 'backend' as const,
    entities: ['actions-demo', 'actions-hpa', 'other-team'].map(n =>
      serviceEntity(n),
    ),
  };
  backend = await startMulticlusterOnFleet(fleet, options);
  denied = await startMulticlusterOnFleet(fleet, {
    ...options,
    permission: AuthorizeResult.DENY,
  });
  await cacheCondition(
    () =>
      ['actions-demo', 'actions-hpa', 'other-team'].every(n =>
        backend.cache.get(CLUSTER)?.get('deployments', NS, n),
      ) &&
      !!backend.cache
        .get(CLUSTER)
        ?.get('horizontalpodautoscalers', NS, 'actions-hpa') &&
      runningPods('actions-demo').length === 1,
  );
});

afterAll(async () => {
  await backend?.stop();
  await denied?.stop();
  await core?.deleteNamespace({ name: NS }).catch(() => undefined);
});

/** Resolves once the watch cache shows the condition (checked on every cache change). */
function cacheCondition(
  condition: () => boolean,
  cache = backend.cache,
  timeoutMs = 60_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) {
      resolve();
      return;
    }
    let unsubscribe = () => {};
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('the watch cache never showed the condition'));
    }, timeoutMs);
    unsubscribe = cache.subscribe(() => {
      if (!condition()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

function runningPods(app: string) {
  return (backend.cache.get(CLUSTER)?.list('pods', NS) ?? []).filter(
    p =>
      p.metadata?.labels?.app === app &&
      !p.metadata?.deletionTimestamp &&
      p.status?.phase === 'Running',
  );
}

const entityUrl = (name: string, on = backend) =>
  `${on.apiUrl('multicluster')}/entities/component/default/${name}`;
const workloadUrl = (entity: string, workload = entity, on = backend) =>
  `${entityUrl(
    entity,
    on,
  )}/clusters/${CLUSTER}/workloads/Deployment/${NS}/${workload}`;

function post(url: string, body?: object) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
}

/** Asks `on` to delete the pod `name` as one of actions-demo's, with `uid` as precondition. */
function deletePod(name: string, uid?: string, on = backend) {
  return fetch(
    `${entityUrl('actions-demo', on)}/clusters/${CLUSTER}/pods/${NS}/${name}${
      uid ? `?uid=${uid}` : ''
    }`,
    { method: 'DELETE' },
  );
}

/** Expects the pod still on the cluster: the same one, not being deleted. */
async function expectPodUntouched(pod: TrimmedPod) {
  const still = await core.readNamespacedPod({
    name: pod.metadata!.name!,
    namespace: NS,
  });
  expect(still.metadata?.uid).toBe(pod.metadata!.uid);
  expect(still.metadata?.deletionTimestamp).toBeUndefined();
}

const read = (name: string) =>
  apps.readNamespacedDeployment({ name, namespace: NS });
const restartedAt = (d: V1Deployment) =>
  d.spec?.template?.metadata?.annotations?.[
    'kubectl.kubernetes.io/restartedAt'
  ];

describe('actions on the local fleet', () => {
  it('registers the three action permissions with the permissions registry', async () => {
    const res = await fetch(
      `${backend.apiUrl(
        'multicluster',
      )}/.well-known/backstage/permissions/metadata`,
    );
    expect(res.status).toBe(200);
    const { permissions } = await res.json();
    expect(permissions.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'multicluster.workload.restart',
        'multicluster.workload.scale',
        'multicluster.pods.delete',
      ]),
    );
  });

  it('tells the caller which actions it may take', async () => {
    const allowed = await fetch(`${entityUrl('actions-demo')}/actions`);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({
      restart: { allowed: true },
      scale: { allowed: true },
      deletePod: { allowed: true },
    });
    const refused = await fetch(`${entityUrl('actions-demo', denied)}/actions`);
    expect(await refused.json()).toEqual({
      restart: { allowed: false },
      scale: { allowed: false },
      deletePod: { allowed: false },
    });
  });

  it('restarts a Deployment: the template annotation changes and a new revision reaches the view', async () => {
    const before = await read('actions-demo');
    expect(restartedAt(before)).toBeUndefined();
    const res = await post(`${workloadUrl('actions-demo')}/restart`);
    expect(res.status).toBe(200);
    const { restartedAt: at } = await res.json();
    expect(restartedAt(await read('actions-demo'))).toBe(at);
    // The deployment controller records the new ReplicaSet as revision 2.
    await cacheCondition(
      () =>
        backend.cache.get(CLUSTER)?.get('deployments', NS, 'actions-demo')
          ?.metadata?.annotations?.['deployment.kubernetes.io/revision'] ===
        '2',
    );
    const detail = (await (
      await fetch(workloadUrl('actions-demo'))
    ).json()) as WorkloadDetail;
    expect(detail.workload.revision).toBe('2');
  });

  it('scales a Deployment: the cluster and then the view show the new count', async () => {
    const res = await post(`${workloadUrl('actions-demo')}/scale`, {
      replicas: 3,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ replicas: 3 });
    expect((await read('actions-demo')).spec?.replicas).toBe(3);
    await cacheCondition(
      () =>
        backend.cache.get(CLUSTER)?.get('deployments', NS, 'actions-demo')?.spec
          ?.replicas === 3,
    );
    const detail = (await (
      await fetch(workloadUrl('actions-demo'))
    ).json()) as WorkloadDetail;
    expect(detail.workload.replicas.desired).toBe(3);
  });

  it.each([
    ['a negative count', 'actions-demo', -1, /whole number|from 0/],
    ['a fraction', 'actions-demo', 1.5, /whole number/],
    ['not a number', 'actions-demo', '2', /whole number/],
    ['10,000 (above the ceiling)', 'actions-demo', 10_000, /from 0 to 100/],
    ['above the HPA max', 'actions-hpa', 4, /from 2 to 3.*actions-hpa/],
    ['below the HPA min', 'actions-hpa', 1, /from 2 to 3/],
  ])(
    'refuses to scale to %s with 400 and changes nothing',
    async (_t, name, replicas, message) => {
      const before = await read(name);
      const res = await post(`${workloadUrl(name)}/scale`, { replicas });
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
      const after = await read(name);
      expect(after.spec?.replicas).toBe(before.spec?.replicas);
      expect(after.metadata?.generation).toBe(before.metadata?.generation);
    },
  );

  it("refuses to restart or scale a workload the entity does not own (another team's Deployment)", async () => {
    const before = await read('other-team');
    const restart = await post(
      `${workloadUrl('actions-demo', 'other-team')}/restart`,
    );
    expect(restart.status).toBe(404);
    const scale = await post(
      `${workloadUrl('actions-demo', 'other-team')}/scale`,
      { replicas: 2 },
    );
    expect(scale.status).toBe(404);
    const after = await read('other-team');
    expect(after.metadata?.generation).toBe(before.metadata?.generation);
    expect(restartedAt(after)).toBeUndefined();
  });

  it('answers 403 to a caller without the permissions and changes nothing', async () => {
    const before = await read('actions-demo');
    const restart = await post(
      `${workloadUrl('actions-demo', 'actions-demo', denied)}/restart`,
    );
    expect(restart.status).toBe(403);
    const scale = await post(
      `${workloadUrl('actions-demo', 'actions-demo', denied)}/scale`,
      { replicas: 1 },
    );
    expect(scale.status).toBe(403);
    await cacheCondition(() => runningPods('actions-demo').length > 0);
    const [pod] = runningPods('actions-demo');
    const del = await deletePod(pod.metadata!.name!, pod.metadata!.uid, denied);
    expect(del.status).toBe(403);
    const after = await read('actions-demo');
    expect(after.metadata?.generation).toBe(before.metadata?.generation);
    await expectPodUntouched(pod);
  });

  it('refuses to delete a pod outside the view, or with a stale uid, and changes nothing', async () => {
    await cacheCondition(() => runningPods('other-team').length === 1);
    const [foreign] = runningPods('other-team');
    const notOurs = await deletePod(
      foreign.metadata!.name!,
      foreign.metadata!.uid,
    );
    expect(notOurs.status).toBe(404);
    await cacheCondition(() => runningPods('actions-demo').length > 0);
    const [ours] = runningPods('actions-demo');
    const stale = await deletePod(
      ours.metadata!.name!,
      '00000000-0000-0000-0000-000000000000',
    );
    expect(stale.status).toBe(409);
    const noUid = await deletePod(ours.metadata!.name!);
    expect(noUid.status).toBe(400);
    for (const pod of [foreign, ours]) await expectPodUntouched(pod);
  });

  it('deletes a pod of the view, and the view drops it', async () => {
    await cacheCondition(() => runningPods('actions-demo').length > 0);
    const [pod] = runningPods('actions-demo');
    const name = pod.metadata!.name!;
    const res = await deletePod(name, pod.metadata!.uid);
    expect(res.status).toBe(200);
    await cacheCondition(
      () => !backend.cache.get(CLUSTER)?.get('pods', NS, name),
    );
    const detail = (await (
      await fetch(workloadUrl('actions-demo'))
    ).json()) as WorkloadDetail;
    expect(detail.pods.map(p => p.name)).not.toContain(name);
  });
});
