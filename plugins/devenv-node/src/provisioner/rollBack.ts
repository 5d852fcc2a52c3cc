import { PHASE_ANNOTATION } from '@kubeplatform/clusters-common';
import type { ProgressReporter } from '../classes/types';
import type { ClusterClient } from '../kube/ClusterClient';
import { describeObject, ObjectRef } from '../kube/objects';

/**
 * Deletes, newest first, the objects a failed create made; never anything that existed before.
 * Returns what could not be deleted. When something is left, the anchor is marked `failed` so
 * the reaper removes the rest; if even that fails (the cluster is gone), the anchor still says
 * `provisioning`, which the reaper also cleans up.
 */
export async function rollBack(
  client: ClusterClient,
  created: ObjectRef[],
  anchor: ObjectRef,
  progress: ProgressReporter,
): Promise<string[]> {
  const problems: string[] = [];
  for (const ref of [...created].reverse()) {
    try {
      progress(`Rolling back ${describeObject(ref)}`);
      await client.delete(ref);
    } catch (error) {
      problems.push(`${describeObject(ref)}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    await client
      .mergePatch(anchor, {
        metadata: { annotations: { [PHASE_ANNOTATION]: 'failed' } },
      })
      .catch(() => undefined);
  }
  return problems;
}
