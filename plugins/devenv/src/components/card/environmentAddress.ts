import type { Entity } from '@backstage/catalog-model';

/** Annotation on an environment Resource: `<cluster>/<name>`, the environment's `ref`. */
export const ENVIRONMENT_REF_ANNOTATION = 'kubeplatform.io/environment-ref';
export const ENVIRONMENT_RESOURCE_TYPE = 'dev-environment';

export function isEnvironmentEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: string } | undefined)?.type ===
      ENVIRONMENT_RESOURCE_TYPE
  );
}

/**
 * Which environment a catalog Resource stands for: the ref annotation when present, otherwise
 * the `<name>.<cluster>` entity name the catalog provider gives environments.
 */
export function environmentAddress(
  entity: Entity,
): { cluster: string; name: string } | undefined {
  const ref = entity.metadata.annotations?.[ENVIRONMENT_REF_ANNOTATION];
  const match = ref?.match(/^([^/]+)\/([^/]+)$/);
  if (match) {
    return { cluster: match[1], name: match[2] };
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
