import { InputError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import { isClusterScoped } from '../kube/objects';

/** A manifest document and where it came from, for error messages. */
export interface SourcedManifest {
  object: unknown;
  source: string;
}

/**
 * Checks manifests meant for an environment's namespace and places every object there.
 * Cluster-scoped kinds and objects naming another namespace are refused; every problem is
 * reported at once so that nothing is applied from a half-valid set.
 */
export function placeInEnvironmentNamespace(
  manifests: SourcedManifest[],
  namespace: string,
): KubernetesObject[] {
  const problems: string[] = [];
  const placed: KubernetesObject[] = [];
  for (const { object, source } of manifests) {
    const candidate = object as KubernetesObject | null;
    if (
      !candidate ||
      typeof candidate !== 'object' ||
      Array.isArray(candidate) ||
      typeof candidate.apiVersion !== 'string' ||
      typeof candidate.kind !== 'string' ||
      typeof candidate.metadata?.name !== 'string'
    ) {
      problems.push(
        `${source}: not a Kubernetes object with apiVersion, kind and metadata.name`,
      );
      continue;
    }
    const label = `${source}: ${candidate.kind} ${candidate.metadata!.name}`;
    if (isClusterScoped(candidate.kind!)) {
      problems.push(
        `${label} is cluster-scoped; only namespaced objects can go into an environment`,
      );
      continue;
    }
    const named = candidate.metadata!.namespace;
    if (named !== undefined && named !== namespace) {
      problems.push(
        `${label} names namespace "${named}", not the environment's namespace "${namespace}"`,
      );
      continue;
    }
    placed.push({
      ...candidate,
      metadata: { ...candidate.metadata, namespace },
    });
  }
  if (problems.length) {
    throw new InputError(
      `Nothing was applied: ${
        problems.length
      } manifest problem(s): ${problems.join('; ')}`,
    );
  }
  if (!placed.length) {
    throw new InputError('Nothing was applied: no manifests were given');
  }
  return placed;
}
