import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import path from 'node:path';
import { repoRoot } from '../shared/results';
import type { Change } from './latency';

/** The label value the bench entity's `backstage.io/kubernetes-id` names. */
export const BENCH_KUBERNETES_ID = 'bench-live';
const IMAGE = 'registry.local/bench-live';

/** What a change sets: replicas alternate 1/2, the image tag carries the change's number. */
export function stateOf(seq: number) {
  return { replicas: 1 + (seq % 2), tag: `v${seq}` };
}

/**
 * A throwaway Deployment, labelled for the bench entity, in a namespace of its own on one local
 * cluster, written to as cluster admin through `.local-clusters/kubeconfig`.
 */
export class BenchDeployment {
  private constructor(
    private readonly apps: AppsV1Api,
    private readonly core: CoreV1Api,
    readonly cluster: string,
    readonly namespace: string,
    readonly name: string,
  ) {}

  static async create(cluster: string, namespace: string) {
    const kc = new KubeConfig();
    kc.loadFromFile(path.join(repoRoot(), '.local-clusters', 'kubeconfig'));
    kc.setCurrentContext(cluster);
    const apps = kc.makeApiClient(AppsV1Api);
    const core = kc.makeApiClient(CoreV1Api);
    const name = BENCH_KUBERNETES_ID;
    await core.createNamespace({
      body: {
        metadata: {
          name: namespace,
          labels: { 'kubeplatform.dev/bench': 'live' },
        },
      },
    });
    const { replicas, tag } = stateOf(0);
    const labels = { 'backstage.io/kubernetes-id': BENCH_KUBERNETES_ID };
    await apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name, labels },
        spec: {
          replicas,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: { containers: [{ name: 'app', image: `${IMAGE}:${tag}` }] },
          },
        },
      },
    });
    return new BenchDeployment(apps, core, cluster, namespace, name);
  }

  /** Sets change `seq`'s replicas and image with one merge PATCH, timed to its response. */
  async change(seq: number): Promise<Change> {
    const { replicas, tag } = stateOf(seq);
    const sentAt = Date.now();
    await this.apps.patchNamespacedDeployment(
      {
        name: this.name,
        namespace: this.namespace,
        body: {
          spec: {
            replicas,
            template: {
              spec: { containers: [{ name: 'app', image: `${IMAGE}:${tag}` }] },
            },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    return { seq, sentAt, acceptedAt: Date.now() };
  }

  async remove() {
    await this.core.deleteNamespace({ name: this.namespace });
  }
}
