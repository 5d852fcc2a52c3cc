import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { EntityViewExplanation } from '@kubeplatform/clusters-common';
import { EntityQuery, isExplanation } from './entityQuery';

/**
 * The entity's query, for routes that act on one object (workload detail, logs). An entity
 * without Kubernetes annotations has nothing there (404); one whose annotations claim more than
 * an entity may (a selector without a positive equality term, an invalid namespace list) is
 * refused with the reason (403).
 */
export function requireEntityQuery(
  query: EntityQuery | EntityViewExplanation,
): EntityQuery {
  if (!isExplanation(query)) return query;
  if (query.code === 'NoKubernetesAnnotations') {
    throw new NotFoundError(query.message);
  }
  throw new NotAllowedError(query.message);
}
