import {
  AppsV1Api,
  AutoscalingV2Api,
  BatchV1Api,
  CoreV1Api,
  KubeConfig,
  V1Pod,
} from '@kubernetes/client-node';
import { detectProblems } from '@kubeplatform/clusters-common';
import { loadFleetClustersBeforeAll } from '../harness/fleetBeforeAll';
import { eventually } from '../harness/eventually';
import { DEMO_DRIFT, DEMO_TROUBLES, DemoTrouble } from './demoTroubles';
import { DEMO_SERVICES, KUBERNETES_ID_LABEL } from './demoServices';

/**
 * DEMO_TROUBLES is what other packages' tests assert on, so each entry is checked here against
 * the raw Kubernetes status the real control plane and kwok produced.
 */
jest.setTimeout(180_000);

const fleetCluster = loadFleetClustersBeforeAll();

async function podsOf(kc: KubeConfig, t: DemoTrouble): Promise<V1Pod[]> {
  const list = await kc.makeApiClient(CoreV1Api).listNamespacedPod({
    namespace: t.namespace,
    labelSelector: t.podSelector,
  });
  return list.items;
}

/** Whether the trouble has pods, and every one of them `shows` it. */
async function everyPodShows(
  kc: KubeConfig,
  t: DemoTrouble,
  shows: (pod: V1Pod) => boolean | undefined,
): Promise<boolean> {
  const pods = await podsOf(kc, t);
  return pods.length > 0 && pods.every(shows);
}

/** Whether the raw status of the trouble's object shows the problem its code names. */
async function showsTrouble(kc: KubeConfig, t: DemoTrouble): Promise<boolean> {
  const { namespace, name } = t;
  switch (t.code) {
    case 'CrashLoopBackOff':
    case 'ImagePullBackOff':
      return everyPodShows(
        kc,
        t,
        p =>
          p.status?.containerStatuses?.[0]?.state?.waiting?.reason === t.code,
      );
    case 'OOMKilled':
      return everyPodShows(
        kc,
        t,
        p =>
          p.status?.containerStatuses?.[0]?.lastState?.terminated?.reason ===
          'OOMKilled',
      );
    case 'Unschedulable':
      return everyPodShows(kc, t, p =>
        p.status?.conditions?.some(
          c =>
            c.type === 'PodScheduled' &&
            c.status === 'False' &&
            c.reason === 'Unschedulable',
        ),
      );
    case 'HpaAtMaxReplicas':
    case 'HpaNearMaxReplicas': {
      const hpa = await kc
        .makeApiClient(AutoscalingV2Api)
        .readNamespacedHorizontalPodAutoscaler({ namespace, name });
      const current = hpa.status?.currentReplicas ?? 0;
      const max = hpa.spec!.maxReplicas;
      // The rules of @kubeplatform/clusters-common's autoscaler detector.
      return t.code === 'HpaAtMaxReplicas'
        ? current >= max
        : max >= 10 && current >= Math.ceil(0.9 * max) && current < max;
    }
    case 'ProgressDeadlineExceeded': {
      const d = await kc
        .makeApiClient(AppsV1Api)
        .readNamespacedDeployment({ namespace, name });
      return !!d.status?.conditions?.some(
        c =>
          c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded',
      );
    }
    case 'JobFailed': {
      const job = await kc
        .makeApiClient(BatchV1Api)
        .readNamespacedJob({ namespace, name });
      return !!job.status?.conditions?.some(
        c => c.type === 'Failed' && c.status === 'True',
      );
    }
    default:
      throw new Error(`no check for ${t.code}`);
  }
}

describe('DEMO_TROUBLES', () => {
  it.each(
    DEMO_TROUBLES.map(t => [
      `${t.code} on ${t.cluster} ${t.namespace}/${t.name}`,
      t,
    ]),
  )('%s is really there', async (_, trouble) => {
    const t = trouble as DemoTrouble;
    const cluster = fleetCluster(t.cluster);
    const kc = cluster.kubeConfig();
    await expect(
      eventually(cluster, `${t.code} on ${t.namespace}/${t.name}`, async () =>
        (await showsTrouble(kc, t)) ? true : undefined,
      ),
    ).resolves.toBe(true);
  });

  it('has a crash-looping pod whose restart count keeps growing', async () => {
    const t = DEMO_TROUBLES.find(x => x.code === 'CrashLoopBackOff')!;
    const cluster = fleetCluster(t.cluster);
    const kc = cluster.kubeConfig();
    const restarts = async () => {
      const pods = await podsOf(kc, t);
      return Math.max(
        ...pods.map(p => p.status?.containerStatuses?.[0]?.restartCount ?? 0),
      );
    };
    const before = await restarts();
    // kwok's crashloop Stage adds a restart every 30-40 s.
    await expect(
      eventually(
        cluster,
        `a restart count above ${before}`,
        async () => ((await restarts()) > before ? true : undefined),
        { timeoutMs: 90_000 },
      ),
    ).resolves.toBe(true);
  });

  it('leaves the other demo services of a troubled cluster healthy', async () => {
    const kc = fleetCluster('prod-us').kubeConfig();
    const search = await kc
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ namespace: 'discovery', name: 'search' });
    expect(search.status?.availableReplicas).toBe(search.spec?.replicas);
  });
});

describe('DEMO_DRIFT', () => {
  it.each(DEMO_DRIFT.map(d => [d.service, d]))(
    '%s runs the recorded tag per cluster',
    async (_, drift) => {
      const d = drift as (typeof DEMO_DRIFT)[number];
      const tags = new Set<string>();
      for (const [cluster, tag] of Object.entries(d.tags)) {
        const deployment = await fleetCluster(cluster)
          .kubeConfig()
          .makeApiClient(AppsV1Api)
          .readNamespacedDeployment({ namespace: d.namespace, name: d.name });
        const container = deployment.spec?.template.spec?.containers.find(
          c => c.name === d.container,
        );
        expect(container?.image?.split(':').pop()).toBe(tag);
        tags.add(tag);
      }
      expect(tags.size).toBeGreaterThan(1);
    },
  );
});

describe('the demo fleet', () => {
  it('labels every demo workload and its pod template with backstage.io/kubernetes-id', async () => {
    for (const cluster of ['dev-eu', 'prod-us']) {
      const apps = fleetCluster(cluster).kubeConfig().makeApiClient(AppsV1Api);
      for (const svc of DEMO_SERVICES) {
        const d = await apps.readNamespacedDeployment({
          namespace: svc.namespace,
          name: svc.name,
        });
        expect(d.metadata?.labels?.[KUBERNETES_ID_LABEL]).toBe(svc.name);
        expect(d.spec?.template.metadata?.labels?.[KUBERNETES_ID_LABEL]).toBe(
          svc.name,
        );
      }
    }
  });

  it('serves demo container logs through kwok, including the previous crash', async () => {
    const t = DEMO_TROUBLES.find(x => x.code === 'CrashLoopBackOff')!;
    const kc = fleetCluster(t.cluster).kubeConfig();
    const core = kc.makeApiClient(CoreV1Api);
    const [pod] = await podsOf(kc, t);
    const current = await core.readNamespacedPodLog({
      namespace: t.namespace,
      name: pod.metadata!.name!,
      container: 'checkout',
    });
    expect(current).toContain('starting checkout service');
    const previous = await core.readNamespacedPodLog({
      namespace: t.namespace,
      name: pod.metadata!.name!,
      container: 'checkout',
      previous: true,
    });
    expect(previous).toContain('panic: config invalid');
  });
});

describe('DEMO_TROUBLES seen by the detectors of clusters-common', () => {
  /** Everything the detectors look at, from the demo namespaces of one cluster. */
  async function demoObjects(kc: KubeConfig) {
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    const batch = kc.makeApiClient(BatchV1Api);
    const autoscaling = kc.makeApiClient(AutoscalingV2Api);
    const inDemo = <T extends { metadata?: { namespace?: string } }>(
      items: T[],
    ) =>
      items.filter(i =>
        ['shop', 'discovery'].includes(i.metadata?.namespace ?? ''),
      );
    return {
      pods: inDemo((await core.listPodForAllNamespaces()).items),
      deployments: inDemo((await apps.listDeploymentForAllNamespaces()).items),
      replicaSets: inDemo((await apps.listReplicaSetForAllNamespaces()).items),
      statefulSets: inDemo(
        (await apps.listStatefulSetForAllNamespaces()).items,
      ),
      jobs: inDemo((await batch.listJobForAllNamespaces()).items),
      cronJobs: inDemo((await batch.listCronJobForAllNamespaces()).items),
      autoscalers: inDemo(
        (await autoscaling.listHorizontalPodAutoscalerForAllNamespaces()).items,
      ),
    };
  }

  it.each(['dev-eu', 'prod-us'])(
    'every trouble of %s is detected',
    async name => {
      const cluster = fleetCluster(name);
      const kc = cluster.kubeConfig();
      let missing: string[] = [];
      await eventually(cluster, 'every trouble detected', async () => {
        const objects = await demoObjects(kc);
        const problems = detectProblems(objects, new Date());
        const undetected = DEMO_TROUBLES.filter(t => t.cluster === name).filter(
          t => {
            const [key, value] = (t.podSelector ?? '=').split('=');
            const names =
              t.kind === 'Pod'
                ? objects.pods
                    .filter(p => p.metadata?.labels?.[key] === value)
                    .map(p => p.metadata!.name!)
                : [t.name];
            return !problems.some(
              p =>
                p.code === t.code &&
                p.object.kind === t.kind &&
                p.object.namespace === t.namespace &&
                names.includes(p.object.name),
            );
          },
        );
        missing = undetected.map(
          t => `${t.code} on ${t.kind} ${t.namespace}/${t.name}`,
        );
        return undetected.length === 0 ? true : undefined;
      }).catch(error => {
        // A timeout shows the undetected troubles below; anything else (a dead cluster) fails.
        if (missing.length === 0) throw error;
      });
      expect(missing).toEqual([]);
    },
  );
});
