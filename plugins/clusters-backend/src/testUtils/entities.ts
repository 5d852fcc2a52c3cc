import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { kubernetesClusterEntity } from '@kubeplatform/clusters-node/testUtils';
import type { FleetCluster } from './FleetCluster';

/**
 * A catalog entity, as the in-memory test catalog takes it.
 *
 * @public
 */
export type TestEntity = NonNullable<
  NonNullable<Parameters<typeof catalogServiceMock>[0]>['entities']
>[number];

/**
 * A service Component owned by `group:default/team-shop`, matched to workloads by
 * `backstage.io/kubernetes-id: <name>` unless other annotations are given.
 *
 * @public
 */
export function serviceEntity(
  name: string,
  annotations?: Record<string, string>,
): TestEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: annotations ?? { 'backstage.io/kubernetes-id': name },
    },
    spec: {
      type: 'service',
      owner: 'group:default/team-shop',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-shop' }],
  };
}

/**
 * A `kubernetes-cluster` Resource for the catalog cluster source, pointing at a local cluster.
 * The catalog holds no token, so `authProvider` must be served by an installed auth strategy.
 *
 * @public
 */
export function clusterResourceEntity(
  cluster: FleetCluster,
  authProvider: string,
  name = cluster.name,
): TestEntity {
  return kubernetesClusterEntity(name, {
    'kubernetes.io/api-server': cluster.server,
    'kubernetes.io/api-server-certificate-authority': cluster.caData,
    'kubernetes.io/auth-provider': authProvider,
  });
}
