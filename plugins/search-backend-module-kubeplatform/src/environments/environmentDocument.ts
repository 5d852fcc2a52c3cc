import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type {
  Environment,
  EnvironmentDocument,
} from '@kubeplatform/clusters-common';

/**
 * The search document for an environment. It points at, and is permission-checked as, the
 * catalog Resource the access policy says the environment is seen through (`ref`).
 */
export function environmentDocument(
  environment: Environment,
  ref: CompoundEntityRef,
): EnvironmentDocument {
  return {
    title: `${environment.name} (${environment.cluster})`,
    text: [
      `Development environment ${environment.name}, owned by ${environment.owner}.`,
      `Class ${environment.class}, on cluster ${environment.cluster}, namespace ${environment.namespace}.`,
      `Status ${environment.status}; expires at ${environment.expiresAt}.`,
    ].join(' '),
    location: `/catalog/${ref.namespace}/${ref.kind.toLocaleLowerCase(
      'en-US',
    )}/${ref.name}`,
    name: environment.name,
    owner: environment.owner,
    class: environment.class,
    cluster: environment.cluster,
    namespace: environment.namespace,
    status: environment.status,
    expiresAt: environment.expiresAt,
    authorization: { resourceRef: stringifyEntityRef(ref) },
  };
}
