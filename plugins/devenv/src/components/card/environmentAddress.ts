import type { Entity } from '@backstage/catalog-model';

/** Annotations the devenv catalog provider puts on each environment Resource. */
export const CLUSTER_ANNOTATION = 'kubeplatform.io/cluster';
export const ENVIRONMENT_ANNOTATION = 'kubeplatform.io/environment';
export const ENVIRONMENT_RESOURCE_TYPE = 'dev-environment';

/** @public */
export function isEnvironmentEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: string } | undefined)?.type ===
      ENVIRONMENT_RESOURCE_TYPE
  );
}

/**
 * Which environment a catalog Resource stands for: its cluster and environment annotations, or
 * else the `<name>.<cluster>` entity name the catalog provider gives environments.
 */
export function environmentAddress(
  entity: Entity,
): { cluster: string; name: string } | undefined {
  const cluster = entity.metadata.annotations?.[CLUSTER_ANNOTATION];
  const name = entity.metadata.annotations?.[ENVIRONMENT_ANNOTATION];
  if (cluster && name) {
    return { cluster, name };
  }
  const dot = entity.metadata.name.indexOf('.');
  if (dot > 0 && dot < entity.metadata.name.length - 1) {
    return {
      name: entity.metadata.name.slice(0, dot),
      cluster: entity.metadata.name.slice(dot + 1),
    };
  }
  return undefined;
}
