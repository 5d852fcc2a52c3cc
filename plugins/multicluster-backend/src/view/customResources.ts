import {
  CustomResourceHealthStatus,
  CustomResourceSummary,
  detectProblems,
  Problem,
  summariseCustomResource,
} from '@kubeplatform/clusters-common';
import type { CacheReader } from '@kubeplatform/clusters-node';
import { EntityQuery } from '../entities/entityQuery';
import { selectObjects } from './findEntityObjects';

const WORST_FIRST: CustomResourceHealthStatus[] = [
  'Failed',
  'Unknown',
  'InProgress',
  'Suspended',
  'Terminating',
  'Current',
];

/**
 * The entity's custom resources in one cluster (the types `customResources` config names,
 * selected by the entity's annotations like its workloads), worst health first, and the problems
 * of the failing ones, through the one problem pipeline.
 */
export function entityCustomResources(
  reader: CacheReader,
  query: EntityQuery,
  now: Date,
): { customResources: CustomResourceSummary[]; problems: Problem[] } {
  const objects = selectObjects(reader, 'customresources', query);
  const customResources = objects
    .map(summariseCustomResource)
    .sort(
      (a, b) =>
        WORST_FIRST.indexOf(a.health.status) -
          WORST_FIRST.indexOf(b.health.status) ||
        a.kind.localeCompare(b.kind) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );
  const problems = detectProblems({ customResources: objects }, now).map(p => ({
    ...p,
    cluster: reader.identity.name,
  }));
  return { customResources, problems };
}
