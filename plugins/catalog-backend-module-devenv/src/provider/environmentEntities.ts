import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import {
  CLUSTER_ENTITY_TYPE,
  Environment,
  ENTITY_CLASS_ANNOTATION,
  ENTITY_CLUSTER_ANNOTATION,
  ENTITY_ENVIRONMENT_ANNOTATION,
  ENTITY_EXPIRES_AT_ANNOTATION,
  ENTITY_STATUS_ANNOTATION,
  ENVIRONMENT_ENTITY_TYPE,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from '@kubeplatform/clusters-common';

export const PROVIDER_NAME = 'kubeplatform-devenv';

function location(target: string) {
  const ref = `${PROVIDER_NAME}:${target}`;
  return {
    'backstage.io/managed-by-location': ref,
    'backstage.io/managed-by-origin-location': ref,
  };
}

/**
 * The catalog name of a cluster Resource; environments depend on it.
 *
 * @public
 */
export function clusterEntityName(cluster: string): string {
  return cluster
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9-_.]/g, '-')
    .slice(0, 63);
}

/**
 * An environment as a catalog Resource of type `dev-environment`, owned by its owner. `ref` is
 * where the access policy says the environment is seen (and permission-checked) in the catalog.
 *
 * @public
 */
export function environmentEntity(
  env: Environment,
  ref: CompoundEntityRef,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: ref.name,
      namespace: ref.namespace,
      title: `${env.name} (${env.cluster})`,
      description: `Development environment of class ${env.class} on cluster ${env.cluster}, expires ${env.expiresAt}.`,
      annotations: {
        ...location(env.ref),
        [ENTITY_CLUSTER_ANNOTATION]: env.cluster,
        [ENTITY_ENVIRONMENT_ANNOTATION]: env.name,
        [ENTITY_CLASS_ANNOTATION]: env.class,
        [ENTITY_EXPIRES_AT_ANNOTATION]: env.expiresAt,
        [ENTITY_STATUS_ANNOTATION]: env.status,
        [KUBERNETES_NAMESPACE_ANNOTATION]: env.namespace,
      },
      labels: { [ENTITY_CLASS_ANNOTATION]: env.class },
      tags: ['dev-environment', env.class],
    },
    spec: {
      type: ENVIRONMENT_ENTITY_TYPE,
      owner: env.owner,
      dependsOn: [`resource:default/${clusterEntityName(env.cluster)}`],
    },
  };
}

/**
 * A cluster as a catalog Resource of type `kubernetes-cluster`.
 *
 * @public
 */
export function clusterEntity(
  cluster: {
    name: string;
    title?: string;
    region?: string;
    environment?: string;
  },
  owner: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: clusterEntityName(cluster.name),
      namespace: 'default',
      title: cluster.title ?? cluster.name,
      description: `Kubernetes cluster ${cluster.name}${
        cluster.region ? ` in ${cluster.region}` : ''
      }.`,
      annotations: {
        ...location(`cluster/${cluster.name}`),
        [ENTITY_CLUSTER_ANNOTATION]: cluster.name,
      },
      ...(cluster.environment
        ? {
            labels: { 'kubeplatform.io/environment-tier': cluster.environment },
          }
        : {}),
    },
    spec: { type: CLUSTER_ENTITY_TYPE, owner },
  };
}
