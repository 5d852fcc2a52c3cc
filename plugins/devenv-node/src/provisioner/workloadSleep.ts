import type { KubernetesObject } from '@kubernetes/client-node';
import { REPLICAS_BEFORE_SLEEP_ANNOTATION } from '@kubeplatform/clusters-common';
import type { ClusterClient } from '../kube/ClusterClient';
import { refOf } from '../kube/objects';

const SCALABLE_KINDS = [
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
];

type Scalable = KubernetesObject & { spec?: { replicas?: number } };

async function listScalable(
  client: ClusterClient,
  namespace: string,
): Promise<Scalable[]> {
  const lists = await Promise.all(
    SCALABLE_KINDS.map(k =>
      client.list<Scalable>(k.apiVersion, k.kind, { namespace }),
    ),
  );
  return lists.flatMap((items, i) =>
    (items ?? []).map(item => ({ ...item, ...SCALABLE_KINDS[i] })),
  );
}

/**
 * Scales every Deployment and StatefulSet in the namespace to zero, recording each one's
 * replicas in an annotation first. Workloads already at zero are left alone, so waking does
 * not start something that was stopped on purpose.
 */
export async function scaleWorkloadsToZero(
  client: ClusterClient,
  namespace: string,
): Promise<string[]> {
  const scaled: string[] = [];
  for (const workload of await listScalable(client, namespace)) {
    const replicas = workload.spec?.replicas ?? 1;
    if (replicas === 0) {
      continue;
    }
    await client.mergePatch(refOf(workload), {
      metadata: {
        annotations: { [REPLICAS_BEFORE_SLEEP_ANNOTATION]: String(replicas) },
      },
      spec: { replicas: 0 },
    });
    scaled.push(`${workload.kind}/${workload.metadata?.name}=${replicas}`);
  }
  return scaled;
}

/** Restores the replicas recorded by scaleWorkloadsToZero and removes the annotation. */
export async function restoreWorkloads(
  client: ClusterClient,
  namespace: string,
): Promise<string[]> {
  const restored: string[] = [];
  for (const workload of await listScalable(client, namespace)) {
    const recorded =
      workload.metadata?.annotations?.[REPLICAS_BEFORE_SLEEP_ANNOTATION];
    const replicas = Number(recorded);
    if (!recorded || !Number.isInteger(replicas) || replicas < 0) {
      continue;
    }
    await client.mergePatch(refOf(workload), {
      metadata: { annotations: { [REPLICAS_BEFORE_SLEEP_ANNOTATION]: null } },
      spec: { replicas },
    });
    restored.push(`${workload.kind}/${workload.metadata?.name}=${replicas}`);
  }
  return restored;
}
