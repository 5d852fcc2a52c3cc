import { KubernetesObject } from '@kubernetes/client-node';

/** Pod annotations kwok's ClusterResourceUsage below reads: what each container uses. */
export const USAGE_CPU_ANNOTATION = 'kwok.x-k8s.io/usage-cpu';
export const USAGE_MEMORY_ANNOTATION = 'kwok.x-k8s.io/usage-memory';

/** What a pod without the annotations uses (scale-mode pods, test pods). */
const DEFAULT_USAGE = { cpu: '1m', memory: '1Mi' };

/**
 * How busy a demo service's pods are. Every demo container requests `100m` CPU, and the demo
 * HPAs target 70 % CPU utilisation:
 *
 * - `hot`: 250 % of its request; its HPA scales it up to its `maxReplicas`.
 * - `steady`: exactly on the 70 % target; its HPA keeps whatever replica count it has (within
 *   the controller's 10 % tolerance), so the demo's replica counts, and a scale from the drawer,
 *   stand.
 * - `idle`: a few millicores.
 */
export type UsageProfile = 'hot' | 'steady' | 'idle';

/** Usage per container of every pod of one demo service in one cluster. */
export interface DemoUsage {
  service: string;
  cluster: string;
  profile: UsageProfile;
  /** Kubernetes quantities, as written into the pod annotations. */
  cpu: string;
  memory: string;
  /** The same in numbers: millicores and bytes. */
  cpuMillicores: number;
  memoryBytes: number;
}

const MiB = 2 ** 20;

const profiles: Record<
  string,
  { profile: UsageProfile; cpuMillicores: number; memoryMiB: number }
> = {
  checkout: { profile: 'hot', cpuMillicores: 250, memoryMiB: 180 },
  payments: { profile: 'steady', cpuMillicores: 70, memoryMiB: 150 },
  search: { profile: 'steady', cpuMillicores: 70, memoryMiB: 160 },
  'catalog-api': { profile: 'steady', cpuMillicores: 40, memoryMiB: 140 },
  notifications: { profile: 'idle', cpuMillicores: 2, memoryMiB: 40 },
};

/**
 * Per-cluster exceptions. prod-us's notifications, the service that was OOM-killed, holds 236 MiB
 * of its 256 MiB limit (92 %): a container near its memory limit.
 */
const perCluster: Record<string, Record<string, { memoryMiB: number }>> = {
  'prod-us': { notifications: { memoryMiB: 236 } },
};

/** The demo services' usage in one cluster (the baseline for clusters other than the two). */
export function demoUsage(service: string, cluster: string): DemoUsage {
  const base = profiles[service] ?? {
    profile: 'idle' as const,
    cpuMillicores: 1,
    memoryMiB: 1,
  };
  const memoryMiB = perCluster[cluster]?.[service]?.memoryMiB ?? base.memoryMiB;
  return {
    service,
    cluster,
    profile: base.profile,
    cpu: `${base.cpuMillicores}m`,
    memory: `${memoryMiB}Mi`,
    cpuMillicores: base.cpuMillicores,
    memoryBytes: memoryMiB * MiB,
  };
}

/** The demo service whose HPA scales it up on real metrics (in dev-eu; prod-us's crash-loops). */
export const DEMO_HOT_SERVICE = 'checkout';
/** The demo service that does next to nothing. */
export const DEMO_IDLE_SERVICE = 'notifications';

/** Every demo service's usage in both clusters; tests read it instead of repeating figures. */
export const DEMO_USAGE: DemoUsage[] = ['dev-eu', 'prod-us'].flatMap(cluster =>
  Object.keys(profiles).map(service => demoUsage(service, cluster)),
);

/** The annotations that give a demo pod template its usage. */
export function usageAnnotations(
  service: string,
  cluster: string,
): Record<string, string> {
  const usage = demoUsage(service, cluster);
  return {
    [USAGE_CPU_ANNOTATION]: usage.cpu,
    [USAGE_MEMORY_ANNOTATION]: usage.memory,
  };
}

/**
 * kwok's resource-usage emulation: every container of a pod uses what the pod's annotations
 * say, or {@link DEFAULT_USAGE}. kwok integrates it into the cumulative CPU counter and the
 * working set it serves, per node, at `/metrics/nodes/<node>/metrics/resource` (kwokctl adds the
 * `Metric` for that path when metrics-server is enabled), which metrics-server scrapes.
 */
export function demoResourceUsage(): KubernetesObject {
  const fromAnnotation = (annotation: string, fallback: string) =>
    `"${annotation}" in pod.metadata.annotations ? Quantity(pod.metadata.annotations["${annotation}"]) : Quantity("${fallback}")`;
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterResourceUsage',
    metadata: { name: 'kubeplatform-usage-from-annotations' },
    spec: {
      usages: [
        {
          usage: {
            cpu: {
              expression: fromAnnotation(
                USAGE_CPU_ANNOTATION,
                DEFAULT_USAGE.cpu,
              ),
            },
            memory: {
              expression: fromAnnotation(
                USAGE_MEMORY_ANNOTATION,
                DEFAULT_USAGE.memory,
              ),
            },
          },
        },
      ],
    },
  } as KubernetesObject;
}
