import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { applyObjects } from '../control/apply';
import { applyCrds } from '../control/conditions';
import {
  customResourceReaderRbac,
  demoCustomResourceDefinitions,
  demoCustomResources,
} from './demoCustomResources';

/**
 * Installs the Rollout and Certificate CRDs, read access to them, and checkout's demo objects
 * with their statuses, written through the status subresource as their controllers would.
 * Idempotent: run on every `yarn clusters up`, on new and reused clusters alike.
 */
export async function seedCustomResources(
  kc: KubeConfig,
  cluster: string,
  signal?: AbortSignal,
): Promise<void> {
  await applyCrds(kc, demoCustomResourceDefinitions(), signal);
  await applyObjects(kc, customResourceReaderRbac(), signal);
  const demo = demoCustomResources(cluster);
  await applyObjects(
    kc,
    demo.map(d => d.object),
    signal,
  );
  const custom = kc.makeApiClient(CustomObjectsApi);
  for (const { type, object, status } of demo) {
    signal?.throwIfAborted();
    const target = {
      group: type.group,
      version: type.version,
      plural: type.plural,
      namespace: object.metadata!.namespace!,
      name: object.metadata!.name!,
    };
    const current = (await custom.getNamespacedCustomObject(target)) as {
      metadata?: { generation?: number };
    };
    await custom.replaceNamespacedCustomObjectStatus({
      ...target,
      body: { ...current, status: status(current.metadata?.generation ?? 1) },
    });
  }
}
