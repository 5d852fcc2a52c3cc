import {
  ApiextensionsV1Api,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import { applyObjects, pollUntil } from './apply';

/** An object whose status lists conditions, as most Kubernetes objects' statuses do. */
interface WithConditions {
  status?: { conditions?: Array<{ type: string; status: string }> };
}

/** Reads the object until its condition `type` is True, or fails with `what` after `timeoutMs`. */
export async function pollUntilConditionTrue(
  what: string,
  read: () => Promise<WithConditions>,
  type: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  await pollUntil(
    what,
    async () => {
      const { status } = await read();
      return status?.conditions?.some(
        c => c.type === type && c.status === 'True',
      )
        ? true
        : undefined;
    },
    timeoutMs,
    signal,
  );
}

/**
 * Server-side applies CRDs and waits until the apiserver has established each one, so that
 * objects of their kinds can be written.
 */
export async function applyCrds(
  kc: KubeConfig,
  crds: KubernetesObject[],
  signal?: AbortSignal,
): Promise<void> {
  await applyObjects(kc, crds, signal);
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  for (const crd of crds) {
    const name = crd.metadata!.name!;
    await pollUntilConditionTrue(
      `the ${name} CRD to be established`,
      () => ext.readCustomResourceDefinition({ name }),
      'Established',
      30_000,
      signal,
    );
  }
}
