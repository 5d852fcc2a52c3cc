import { Config } from '@backstage/config';
import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';

/** The annotation upstream's singleTenant locator reads: the one cluster an entity runs in. */
export const KUBERNETES_CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';

/**
 * Which clusters an entity's objects are looked for in: upstream's
 * `kubernetes.serviceLocatorMethod`, applied to the view, the workload detail, logs, the
 * timeline and the actions alike.
 */
export interface ServiceLocator {
  readonly type: ServiceLocatorType;
  locates(entity: Entity, cluster: string): boolean;
}

export type ServiceLocatorType =
  | 'multiTenant'
  | 'singleTenant'
  | 'catalogRelation';

/** multiTenant: every cluster, for every entity. */
const multiTenant: ServiceLocator = {
  type: 'multiTenant',
  locates: () => true,
};

/**
 * singleTenant: only the cluster named by the entity's `backstage.io/kubernetes-cluster`
 * annotation; every cluster when the entity has none (upstream's SingleTenantServiceLocator).
 */
const singleTenant: ServiceLocator = {
  type: 'singleTenant',
  locates: (entity, cluster) => {
    const named = entity.metadata.annotations?.[KUBERNETES_CLUSTER_ANNOTATION];
    return !named || named === cluster;
  },
};

/**
 * catalogRelation: only the clusters the entity `dependsOn` as the Resource
 * `resource:<entity namespace>/<cluster name>`; none without such a relation (upstream's
 * CatalogRelationServiceLocator, which compares refs in the entity's own namespace).
 */
const catalogRelation: ServiceLocator = {
  type: 'catalogRelation',
  locates: (entity, cluster) => {
    const target = `resource:${
      entity.metadata.namespace ?? 'default'
    }/${cluster}`;
    return (entity.relations ?? []).some(
      r => r.type === RELATION_DEPENDS_ON && r.targetRef === target,
    );
  },
};

const LOCATORS: Record<ServiceLocatorType, ServiceLocator> = {
  multiTenant,
  singleTenant,
  catalogRelation,
};

/**
 * The locator `kubernetes.serviceLocatorMethod.type` names; multiTenant when it is absent or
 * one Kubeplatform does not have (the clusters plugin's config report names that value).
 */
export function serviceLocatorFromConfig(config: Config): ServiceLocator {
  const type = config.getOptionalString('kubernetes.serviceLocatorMethod.type');
  return (type && isServiceLocatorType(type) && LOCATORS[type]) || multiTenant;
}

export function isServiceLocatorType(type: string): type is ServiceLocatorType {
  return Object.prototype.hasOwnProperty.call(LOCATORS, type);
}
