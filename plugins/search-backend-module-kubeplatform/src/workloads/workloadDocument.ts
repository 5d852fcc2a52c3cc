import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { EntityView, HealthState } from '@kubeplatform/clusters-common';
import type { WorkloadDocument } from '@kubeplatform/clusters-common';

const HEALTH_ORDER: HealthState[] = ['error', 'warning', 'unknown', 'healthy'];

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort();
}

/**
 * The search document for an entity: the clusters it has workloads in (with their regions and
 * environments), namespaces, images and health. Clusters that could not be read are named, and
 * whatever did arrive from them is still indexed.
 */
export function workloadDocument(
  entity: Entity,
  view: EntityView,
): WorkloadDocument {
  const running = view.clusters.filter(c => c.workloads.length > 0);
  const workloads = running.flatMap(c => c.workloads);
  const images = unique(workloads.flatMap(w => w.images.map(i => i.image)));
  const clusters = unique(running.map(c => c.cluster.name));
  const regions = unique(running.map(c => c.cluster.region));
  const environments = unique(running.map(c => c.cluster.environment));
  const namespaces = unique(workloads.map(w => w.namespace));
  const health =
    HEALTH_ORDER.find(h => running.some(c => c.health === h)) ?? 'unknown';
  const incompleteClusters = unique(
    view.clusters.filter(c => c.sync.state !== 'ok').map(c => c.cluster.name),
  );
  const where = running
    .map(c => {
      const place = [c.cluster.region, c.cluster.environment]
        .filter(Boolean)
        .join(', ');
      return `${c.cluster.name}${place ? ` (${place})` : ''}: ${c.health}`;
    })
    .join('; ');
  const name = entity.metadata.title ?? entity.metadata.name;
  const namespace = entity.metadata.namespace ?? 'default';
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const owner = (entity.spec as { owner?: string } | undefined)?.owner;
  return {
    title: name,
    text: [
      entity.metadata.description,
      running.length
        ? `Runs on ${where}.`
        : 'No workloads found on any cluster.',
      namespaces.length ? `Namespaces: ${namespaces.join(', ')}.` : '',
      images.length ? `Images: ${images.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    location: `/catalog/${namespace}/${kind}/${entity.metadata.name}/kubernetes-multicluster`,
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    ...(owner ? { owner } : {}),
    health,
    clusters,
    regions,
    environments,
    namespaces,
    images: [...images, ...unique(images.map(imageTag))],
    incompleteClusters,
    authorization: { resourceRef: stringifyEntityRef(entity) },
  };
}

/** `registry/shop/checkout:1.4.2` → `1.4.2`, so a search for a tag alone finds the service. */
function imageTag(image: string): string | undefined {
  const at = image.lastIndexOf('@');
  if (at >= 0) return image.slice(at + 1);
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? image.slice(colon + 1) : undefined;
}
