import type { Entity } from '@backstage/catalog-model';

/**
 * A `kubernetes-cluster` Resource in the default namespace, owned by `group:default/platform`,
 * as the catalog cluster source reads it: `annotations` are its `kubernetes.io/*` annotations
 * (API server, certificate authority, auth provider and the provider's own).
 *
 * @public
 */
export function kubernetesClusterEntity(
  name: string,
  annotations: Record<string, string>,
  options: { title?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      ...(options.title && { title: options.title }),
      annotations,
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  };
}
