import {
  Environment,
  environmentEntityName,
} from '@kubeplatform/clusters-common';
import { EnvironmentDocument } from '../documents';

/**
 * The search document for an environment. It points at, and is permission-checked as, the
 * catalog Resource the devenv catalog provider makes for it.
 */
export function environmentDocument(
  environment: Environment,
): EnvironmentDocument {
  const entityName = environmentEntityName(
    environment.cluster,
    environment.name,
  );
  return {
    title: `${environment.name} (${environment.cluster})`,
    text: [
      `Development environment ${environment.name}, owned by ${environment.owner}.`,
      `Class ${environment.class}, on cluster ${environment.cluster}, namespace ${environment.namespace}.`,
      `Status ${environment.status}; expires at ${environment.expiresAt}.`,
    ].join(' '),
    location: `/catalog/default/resource/${entityName}`,
    name: environment.name,
    owner: environment.owner,
    class: environment.class,
    cluster: environment.cluster,
    namespace: environment.namespace,
    status: environment.status,
    expiresAt: environment.expiresAt,
    authorization: { resourceRef: `resource:default/${entityName}` },
  };
}
