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

/** Restart (roll) the Deployments, StatefulSets and DaemonSets of a catalog entity. */
export const multiclusterWorkloadRestartPermission = createPermission({
  name: 'multicluster.workload.restart',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** Change the replica count of the Deployments and StatefulSets of a catalog entity. */
export const multiclusterWorkloadScalePermission = createPermission({
  name: 'multicluster.workload.scale',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** Delete pods of the workloads of a catalog entity. */
export const multiclusterPodsDeletePermission = createPermission({
  name: 'multicluster.pods.delete',
  attributes: { action: 'delete' },
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
  multiclusterWorkloadRestartPermission,
  multiclusterWorkloadScalePermission,
  multiclusterPodsDeletePermission,
];

export const devenvPermissions = [
  devenvCreatePermission,
  devenvDeletePermission,
  devenvUpdatePermission,
];
