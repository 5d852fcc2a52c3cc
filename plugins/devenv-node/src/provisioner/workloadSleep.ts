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
 * Puts each Deployment and StatefulSet in the namespace to sleep or wakes it. Asleep, a workload
 * has zero replicas and records the count it had in an annotation; awake, it has that count
 * back and no annotation. `recordedReplicas` names the count to record or restore, or undefined
 * to leave the workload alone. Returns `Kind/name=count` for each workload changed.
 */
async function setWorkloadsAsleep(
  client: ClusterClient,
  namespace: string,
  asleep: boolean,
  recordedReplicas: (workload: Scalable) => number | undefined,
): Promise<string[]> {
  const changed: string[] = [];
  for (const workload of await listScalable(client, namespace)) {
    const replicas = recordedReplicas(workload);
    if (replicas === undefined) {
      continue;
    }
    await client.mergePatch(refOf(workload), {
      metadata: {
        annotations: {
          [REPLICAS_BEFORE_SLEEP_ANNOTATION]: asleep ? String(replicas) : null,
        },
      },
      spec: { replicas: asleep ? 0 : replicas },
    });
    changed.push(`${workload.kind}/${workload.metadata?.name}=${replicas}`);
  }
  return changed;
}

/**
 * Scales every Deployment and StatefulSet in the namespace to zero, recording each one's
 * replicas in an annotation first. Workloads already at zero are left alone, so waking does
 * not start something that was stopped on purpose.
 */
export function scaleWorkloadsToZero(
  client: ClusterClient,
  namespace: string,
): Promise<string[]> {
  return setWorkloadsAsleep(client, namespace, true, workload => {
    const replicas = workload.spec?.replicas ?? 1;
    return replicas === 0 ? undefined : replicas;
  });
}

/** Restores the replicas recorded by scaleWorkloadsToZero and removes the annotation. */
export function restoreWorkloads(
  client: ClusterClient,
  namespace: string,
): Promise<string[]> {
  return setWorkloadsAsleep(client, namespace, false, workload => {
    const recorded =
      workload.metadata?.annotations?.[REPLICAS_BEFORE_SLEEP_ANNOTATION];
    const replicas = Number(recorded);
    if (!recorded || !Number.isInteger(replicas) || replicas < 0) {
      return undefined;
    }
    return replicas;
  });
}
