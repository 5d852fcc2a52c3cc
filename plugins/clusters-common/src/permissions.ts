import { createPermission } from '@backstage/plugin-permission-common';

/** Read the multi-cluster view of a catalog entity. */
export const multiclusterViewReadPermission = createPermission({
  name: 'multicluster.view.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Read container logs of the workloads of a catalog entity. */
export const multiclusterLogsReadPermission = createPermission({
  name: 'multicluster.logs.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Request a new development environment. */
export const devenvCreatePermission = createPermission({
  name: 'devenv.create',
  attributes: { action: 'create' },
});

/** Delete a development environment. */
export const devenvDeletePermission = createPermission({
  name: 'devenv.delete',
  attributes: { action: 'delete' },
  resourceType: 'kubeplatform-environment',
});

/** Extend, sleep or wake a development environment. */
export const devenvUpdatePermission = createPermission({
  name: 'devenv.update',
  attributes: { action: 'update' },
  resourceType: 'kubeplatform-environment',
});

export const multiclusterPermissions = [
  multiclusterViewReadPermission,
  multiclusterLogsReadPermission,
];

export const devenvPermissions = [
  devenvCreatePermission,
  devenvDeletePermission,
  devenvUpdatePermission,
];
