import {
  createPermission,
  type PermissionAttributes,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/** A factory for permissions checked against the resource of that type they act on. */
function permissionsOn<TResourceType extends string>(
  resourceType: TResourceType,
) {
  return (
    name: string,
    action: NonNullable<PermissionAttributes['action']>,
  ): ResourcePermission<TResourceType> =>
    createPermission({ name, attributes: { action }, resourceType });
}

const catalogEntityPermission = permissionsOn('catalog-entity');
const environmentPermission = permissionsOn('kubeplatform-environment');

/**
 * Read the multi-cluster view of a catalog entity.
 *
 * @public
 */
export const multiclusterViewReadPermission = catalogEntityPermission(
  'multicluster.view.read',
  'read',
);

/**
 * Read container logs of the workloads of a catalog entity.
 *
 * @public
 */
export const multiclusterLogsReadPermission = catalogEntityPermission(
  'multicluster.logs.read',
  'read',
);

/**
 * Restart (roll) the Deployments, StatefulSets and DaemonSets of a catalog entity.
 *
 * @public
 */
export const multiclusterWorkloadRestartPermission = catalogEntityPermission(
  'multicluster.workload.restart',
  'update',
);

/**
 * Change the replica count of the Deployments and StatefulSets of a catalog entity.
 *
 * @public
 */
export const multiclusterWorkloadScalePermission = catalogEntityPermission(
  'multicluster.workload.scale',
  'update',
);

/**
 * Delete pods of the workloads of a catalog entity.
 *
 * @public
 */
export const multiclusterPodsDeletePermission = catalogEntityPermission(
  'multicluster.pods.delete',
  'delete',
);

/**
 * Open a terminal (exec) in a container of a pod of the workloads of a catalog entity.
 *
 * @public
 */
export const multiclusterPodsExecPermission = catalogEntityPermission(
  'multicluster.pods.exec',
  'update',
);

/**
 * Request a new development environment.
 *
 * @public
 */
export const devenvCreatePermission = createPermission({
  name: 'devenv.create',
  attributes: { action: 'create' },
});

/**
 * Delete a development environment.
 *
 * @public
 */
export const devenvDeletePermission = environmentPermission(
  'devenv.delete',
  'delete',
);

/**
 * Extend, sleep or wake a development environment.
 *
 * @public
 */
export const devenvUpdatePermission = environmentPermission(
  'devenv.update',
  'update',
);

/** @public */
export const multiclusterPermissions = [
  multiclusterViewReadPermission,
  multiclusterLogsReadPermission,
  multiclusterWorkloadRestartPermission,
  multiclusterWorkloadScalePermission,
  multiclusterPodsDeletePermission,
  multiclusterPodsExecPermission,
];

/** @public */
export const devenvPermissions = [
  devenvCreatePermission,
  devenvDeletePermission,
  devenvUpdatePermission,
];
