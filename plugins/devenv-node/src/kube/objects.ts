import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * Enough to address one object.
 *
 * @public
 */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export function refOf(object: KubernetesObject): ObjectRef {
  return {
    apiVersion: object.apiVersion ?? 'v1',
    kind: object.kind ?? '',
    name: object.metadata?.name ?? '',
    namespace: object.metadata?.namespace,
  };
}

export function describeObject(object: KubernetesObject | ObjectRef): string {
  const ref = isObjectRef(object) ? object : refOf(object);
  return ref.namespace
    ? `${ref.kind} ${ref.namespace}/${ref.name}`
    : `${ref.kind} ${ref.name}`;
}

function isObjectRef(
  object: KubernetesObject | ObjectRef,
): object is ObjectRef {
  return (
    typeof (object as ObjectRef).name === 'string' && !('metadata' in object)
  );
}

/** Kinds the provisioner treats as cluster-scoped; everything else it renders lives in a namespace. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'Node',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}
