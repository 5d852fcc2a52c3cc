import {
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import { applyObjects, pollUntil } from '../control/apply';
import { KUBERNETES_ID_LABEL } from '../demo/demoServices';

/** Scale-mode workloads live here, apart from the demo fleet. */
export const SCALE_NAMESPACE = 'bench';
/** Replicas per scale-mode Deployment; the last one takes the remainder. */
export const PODS_PER_DEPLOYMENT = 50;
/** Scale-mode Deployments are spread over this many catalog services (`bench-svc-NN`). */
export const SCALE_SERVICES = 10;

export function scaleServiceId(index: number): string {
  return `bench-svc-${String(index % SCALE_SERVICES).padStart(2, '0')}`;
}

/** Deployments whose replicas add up to `pods`, labelled as catalog services bench-svc-NN. */
export function scaleObjects(pods: number): KubernetesObject[] {
  const objects: KubernetesObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: SCALE_NAMESPACE },
    },
  ];
  for (let i = 0, left = pods; left > 0; i++, left -= PODS_PER_DEPLOYMENT) {
    const name = `bench-${String(i).padStart(3, '0')}`;
    const labels = {
      [KUBERNETES_ID_LABEL]: scaleServiceId(i),
      'app.kubernetes.io/name': name,
    };
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: SCALE_NAMESPACE, labels },
      spec: {
        replicas: Math.min(PODS_PER_DEPLOYMENT, left),
        selector: { matchLabels: { 'app.kubernetes.io/name': name } },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'app',
                image: `kubeplatform-demo/${scaleServiceId(i)}:1.0.${i % 7}`,
                resources: { requests: { cpu: '10m', memory: '32Mi' } },
              },
            ],
          },
        },
      },
    } as KubernetesObject);
  }
  return objects;
}

/** Counts Running pods in the scale namespace. */
export async function runningScalePods(kc: KubeConfig): Promise<number> {
  const core = kc.makeApiClient(CoreV1Api);
  let running = 0;
  let next: string | undefined;
  do {
    const page = await core.listNamespacedPod({
      namespace: SCALE_NAMESPACE,
      limit: 1000,
      _continue: next,
    });
    running += page.items.filter(p => p.status?.phase === 'Running').length;
    next = page.metadata?._continue || undefined;
  } while (next);
  return running;
}

/** Creates the scale-mode pods and waits until all of them are Running; returns milliseconds. */
export async function populateScalePods(
  kc: KubeConfig,
  pods: number,
  onProgress: (running: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const started = Date.now();
  await applyObjects(kc, scaleObjects(pods), signal);
  let last = -1;
  await pollUntil(
    `${pods} scale-mode pods to run`,
    async () => {
      const running = await runningScalePods(kc);
      if (running !== last) onProgress(running);
      last = running;
      return running >= pods ? true : undefined;
    },
    30 * 60_000,
    signal,
  );
  return Date.now() - started;
}
