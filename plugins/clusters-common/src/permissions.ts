import {
  createPermission,
  type PermissionAttributes,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/** A permission checked against the catalog entity it acts on. */
function catalogEntityPermission(
  name: string,
  action: NonNullable<PermissionAttributes['action']>,
): ResourcePermission<'catalog-entity'> {
  return createPermission({
    name,
    attributes: { action },
    resourceType: 'catalog-entity',
  });
}

/** A permission checked against the development environment it acts on. */
function environmentPermission(
  name: string,
  action: NonNullable<PermissionAttributes['action']>,
): ResourcePermission<'kubeplatform-environment'> {
  return createPermission({
    name,
    attributes: { action },
    resourceType: 'kubeplatform-environment',
  });
}

/** Read the multi-cluster view of a catalog entity. */
export const multiclusterViewReadPermission = catalogEntityPermission(
  'multicluster.view.read',
  'read',
);

/** Read container logs of the workloads of a catalog entity. */
export const multiclusterLogsReadPermission = catalogEntityPermission(
  'multicluster.logs.read',
  'read',
);

/** Restart (roll) the Deployments, StatefulSets and DaemonSets of a catalog entity. */
export const multiclusterWorkloadRestartPermission = catalogEntityPermission(
  'multicluster.workload.restart',
  'update',
);

/** Change the replica count of the Deployments and StatefulSets of a catalog entity. */
export const multiclusterWorkloadScalePermission = catalogEntityPermission(
  'multicluster.workload.scale',
  'update',
);

/** Delete pods of the workloads of a catalog entity. */
export const multiclusterPodsDeletePermission = catalogEntityPermission(
  'multicluster.pods.delete',
  'delete',
);

/** Request a new development environment. */
export const devenvCreatePermission = createPermission({
  name: 'devenv.create',
  attributes: { action: 'create' },
});

/** Delete a development environment. */
export const devenvDeletePermission = environmentPermission(
  'devenv.delete',
  'delete',
);

/** Extend, sleep or wake a development environment. */
export const devenvUpdatePermission = environmentPermission(
  'devenv.update',
  'update',
);

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
