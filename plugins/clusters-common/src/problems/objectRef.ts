import type { V1ObjectMeta } from '@kubernetes/client-node';
import { ProblemObject } from './types';

/** The ProblemObject for a Kubernetes object, tolerating trimmed metadata. */
export function problemObject(
  kind: string,
  metadata: V1ObjectMeta | undefined,
  container?: string,
): ProblemObject {
  const object: ProblemObject = {
    kind,
    name: metadata?.name ?? '(unnamed)',
  };
  if (metadata?.namespace) object.namespace = metadata.namespace;
  if (container) object.container = container;
  return object;
}

/** `-n <namespace> ` for kubectl commands in suggested fixes, empty for cluster-scoped objects. */
export function namespaceFlag(metadata: V1ObjectMeta | undefined): string {
  return metadata?.namespace ? `-n ${metadata.namespace} ` : '';
}
