import {
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  CustomObjectsApi,
  V1Pod,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { loadFleetClustersBeforeAll } from '../harness/fleetBeforeAll';
import { LocalCluster } from '../harness/localFleet';
import { eventually, EventuallyOptions } from '../harness/eventually';
import { DEMO_NAMESPACES, KUBERNETES_ID_LABEL } from './demoServices';
import {
  DEMO_HOT_SERVICE,
  DEMO_IDLE_SERVICE,
  DEMO_USAGE,
  DemoUsage,
} from './resourceUsage';

/**
 * Real metrics on the local fleet: metrics-server scrapes kwok's emulated kubelet resource
 * metrics, the apiserver serves them at metrics.k8s.io, and the real HPA controller scales on
 * them. metrics-server needs two scrapes (15 s apart) before a pod has usage, and the HPA
 * controller syncs every 15 s, so on a fleet just created this waits for up to a few minutes.
 */
jest.setTimeout(300_000);

const fleetCluster = loadFleetClustersBeforeAll();

/** metrics-server and the HPA controller need minutes on a fresh fleet. */
const SLOW: EventuallyOptions = { timeoutMs: 240_000, intervalMs: 3000 };

interface PodMetrics {
  metadata: { name: string; namespace: string };
  timestamp: string;
  window: string;
  containers: { name: string; usage: { cpu: string; memory: string } }[];
}

/** `249993767n`, `250m`, `1` in millicores; `180Mi`, `188743680` in bytes. */
function millicores(q: string): number {
  const n = parseFloat(q);
  if (q.endsWith('n')) return n / 1e6;
  if (q.endsWith('u')) return n / 1e3;
  if (q.endsWith('m')) return n;
  return n * 1000;
}
function bytes(q: string): number {
  const units: Record<string, number> = {
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
  };
  const unit = Object.keys(units).find(u => q.endsWith(u));
  return parseFloat(q) * (unit ? units[unit] : 1);
}

/** Pod metrics as the suite's backend reads them: through the reader service account. */
async function podMetrics(cluster: LocalCluster): Promise<PodMetrics[]> {
  const api = cluster.tokenKubeConfig('reader').makeApiClient(CustomObjectsApi);
  const list = (await api.listClusterCustomObject({
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    plural: 'pods',
  })) as { items: PodMetrics[] };
  return list.items;
}

/** The demo pods kwok runs (phase Running): the ones a kubelet would report usage for. */
async function runningDemoPods(cluster: LocalCluster): Promise<V1Pod[]> {
  const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
  const pods: V1Pod[] = [];
  for (const namespace of DEMO_NAMESPACES) {
    const list = await core.listNamespacedPod({
      namespace,
      labelSelector: KUBERNETES_ID_LABEL,
    });
    pods.push(...list.items.filter(p => p.status?.phase === 'Running'));
  }
  return pods;
}

/** The running demo pods, each with its metrics (none while metrics-server has not scraped it). */
async function runningDemoPodsWithMetrics(
  cluster: LocalCluster,
): Promise<{ pod: V1Pod; metrics?: PodMetrics }[]> {
  const [pods, metrics] = await Promise.all([
    runningDemoPods(cluster),
    podMetrics(cluster),
  ]);
  const key = (m?: { namespace?: string; name?: string }) =>
    `${m?.namespace}/${m?.name}`;
  const byPod = new Map(metrics.map(m => [key(m.metadata), m]));
  return pods.map(pod => ({ pod, metrics: byPod.get(key(pod.metadata)) }));
}

function usageOf(service: string, cluster: string): DemoUsage {
  return DEMO_USAGE.find(u => u.service === service && u.cluster === cluster)!;
}

/** Within 10 % of what the demo asks for, or 2 millicores for the idle ones. */
function closeTo(actual: number, expected: number, absolute: number) {
  return Math.abs(actual - expected) <= Math.max(0.1 * expected, absolute);
}

const CLUSTERS = ['dev-eu', 'prod-us'];
/** What every demo container requests, in millicores. */
const CPU_REQUEST = 100;

describe('metrics.k8s.io on the local fleet', () => {
  it.each(CLUSTERS)(
    '%s: every running demo pod has usage, as its service asks for',
    async name => {
      const cluster = fleetCluster(name);
      const mismatches = await eventually(
        cluster,
        'usage for every running demo pod',
        async () => {
          const pods = await runningDemoPodsWithMetrics(cluster);
          if (pods.length === 0 || pods.some(p => !p.metrics)) {
            return undefined;
          }
          const wrong: string[] = [];
          for (const { pod, metrics } of pods) {
            const service = pod.metadata!.labels![KUBERNETES_ID_LABEL];
            const want = usageOf(service, name);
            for (const c of metrics!.containers) {
              const cpu = millicores(c.usage.cpu);
              const memory = bytes(c.usage.memory);
              if (
                !closeTo(cpu, want.cpuMillicores, 2) ||
                memory !== want.memoryBytes
              ) {
                wrong.push(
                  `${pod.metadata!.name}/${c.name}: ${c.usage.cpu} ${
                    c.usage.memory
                  }, want ${want.cpu} ${want.memory}`,
                );
              }
            }
          }
          return wrong;
        },
        SLOW,
      );
      expect(mismatches).toEqual([]);
    },
  );

  it(`the hot service (${DEMO_HOT_SERVICE}) uses more than the idle one (${DEMO_IDLE_SERVICE})`, async () => {
    const cpu: Record<string, number[]> = {
      [DEMO_HOT_SERVICE]: [],
      [DEMO_IDLE_SERVICE]: [],
    };
    for (const name of CLUSTERS) {
      const cluster = fleetCluster(name);
      const samples = await eventually(
        cluster,
        'usage for every running pod of the hot and the idle service',
        async () => {
          const found: [string, number][] = [];
          for (const { pod, metrics } of await runningDemoPodsWithMetrics(
            cluster,
          )) {
            const service = pod.metadata!.labels![KUBERNETES_ID_LABEL];
            if (!(service in cpu)) continue;
            if (!metrics) return undefined;
            found.push([
              service,
              metrics.containers.reduce(
                (sum, c) => sum + millicores(c.usage.cpu),
                0,
              ),
            ]);
          }
          return found;
        },
        SLOW,
      );
      for (const [service, millis] of samples) cpu[service].push(millis);
    }
    // dev-eu runs no idle pod (notifications cannot be scheduled there), prod-us both.
    expect(cpu[DEMO_HOT_SERVICE].length).toBeGreaterThan(0);
    expect(cpu[DEMO_IDLE_SERVICE].length).toBeGreaterThan(0);
    expect(Math.min(...cpu[DEMO_HOT_SERVICE])).toBeGreaterThan(
      10 * Math.max(...cpu[DEMO_IDLE_SERVICE]),
    );
  });
});

function condition(hpa: V2HorizontalPodAutoscaler, type: string) {
  return hpa.status?.conditions?.find(c => c.type === type);
}

/** The HPA's current average CPU utilisation, when ScalingActive says it has valid metrics. */
function cpuUtilisation(hpa: V2HorizontalPodAutoscaler): number | undefined {
  if (condition(hpa, 'ScalingActive')?.status !== 'True') return undefined;
  return hpa.status?.currentMetrics?.find(m => m.resource?.name === 'cpu')
    ?.resource?.current.averageUtilization;
}

async function readHpa(cluster: LocalCluster, namespace: string, name: string) {
  return cluster
    .kubeConfig()
    .makeApiClient(AutoscalingV2Api)
    .readNamespacedHorizontalPodAutoscaler({ namespace, name });
}

describe('the demo HPAs on real metrics', () => {
  it(`dev-eu: ${DEMO_HOT_SERVICE}'s HPA reports its CPU utilisation and scales it to its maximum`, async () => {
    const cluster = fleetCluster('dev-eu');
    const want = usageOf(DEMO_HOT_SERVICE, 'dev-eu');
    const hpa = await eventually(
      cluster,
      `${DEMO_HOT_SERVICE}'s HPA at its maximum on valid metrics`,
      async () => {
        const h = await readHpa(cluster, 'shop', DEMO_HOT_SERVICE);
        const utilisation = cpuUtilisation(h);
        return utilisation !== undefined &&
          h.status?.desiredReplicas === h.spec?.maxReplicas
          ? h
          : undefined;
      },
      SLOW,
    );
    // 250m used of a 100m request: 250 %.
    expect(
      closeTo(
        cpuUtilisation(hpa)!,
        (want.cpuMillicores / CPU_REQUEST) * 100,
        2,
      ),
    ).toBe(true);
    expect(condition(hpa, 'ScalingLimited')?.reason).toBe('TooManyReplicas');
    const deployment = await eventually(
      cluster,
      `${DEMO_HOT_SERVICE} scaled to its HPA's maximum`,
      async () => {
        const d = await cluster
          .kubeConfig()
          .makeApiClient(AppsV1Api)
          .readNamespacedDeployment({
            namespace: 'shop',
            name: DEMO_HOT_SERVICE,
          });
        return d.spec?.replicas === hpa.spec?.maxReplicas ? d : undefined;
      },
      SLOW,
    );
    // The demo fleet asks for 2; the HPA controller raised it on the metrics.
    expect(deployment.spec?.replicas).toBe(6);
  });

  // Browser tests may scale search up and back meanwhile: the HPA must keep what it has, so
  // only payments (which nothing else scales) is held to its demo count.
  it.each([
    ['dev-eu', 'shop', 'payments', 9],
    ['dev-eu', 'discovery', 'search', undefined],
    ['prod-us', 'shop', 'payments', 2],
    ['prod-us', 'discovery', 'search', undefined],
  ] as const)(
    '%s: %s/%s is on its 70 %% target, so its HPA keeps its replicas',
    async (name, namespace, service, replicas) => {
      const cluster = fleetCluster(name);
      const hpa = await eventually(
        cluster,
        `${service}'s HPA with valid metrics`,
        async () => {
          const h = await readHpa(cluster, namespace, service);
          return cpuUtilisation(h) !== undefined ? h : undefined;
        },
        SLOW,
      );
      expect(closeTo(cpuUtilisation(hpa)!, 70, 2)).toBe(true);
      expect(hpa.status?.desiredReplicas).toBe(hpa.status?.currentReplicas);
      expect(hpa.status?.currentReplicas).toBe(
        replicas ?? hpa.status?.desiredReplicas,
      );
    },
  );

  it(`prod-us: ${DEMO_HOT_SERVICE}'s HPA still has no usable metrics, because none of its pods was ever ready`, async () => {
    const cluster = fleetCluster('prod-us');
    const hpa = await eventually(
      cluster,
      `${DEMO_HOT_SERVICE}'s HPA judged`,
      async () => {
        const h = await readHpa(cluster, 'shop', DEMO_HOT_SERVICE);
        return condition(h, 'ScalingActive') ? h : undefined;
      },
      SLOW,
    );
    // The crash-looping pods have usage, but the HPA controller ignores pods that were never
    // ready; with none left, it cannot compute a utilisation (HpaMetricsUnavailable).
    expect(condition(hpa, 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
    });
    expect(hpa.status?.currentReplicas).toBe(hpa.spec?.maxReplicas);
  });
});
