import { Config } from '@backstage/config';
import {
  CACHED_RESOURCES,
  CachedResource,
  CachedResourceDefinition,
} from './resources';

/** A built-in resource type the watch cache watches, and the API path it watches it at. */
export interface WatchedResourceType {
  resource: CachedResource;
  /** `/api/v1` or `/apis/<group>/<version>`. */
  apiPrefix: string;
}

/** An upstream key (or one value of it) the watch cache does not follow, and why. */
export interface UnhonouredObjectTypeKey {
  key: string;
  reason: string;
}

/** Upstream's object types (KubernetesFanOutHandler's ALL_OBJECTS) the view has no use for. */
const UNWATCHED_UPSTREAM_TYPES = new Set([
  'configmaps',
  'limitranges',
  'secrets',
  'persistentvolumes',
]);

/**
 * The versions of each watched type whose objects have the shape the cache trims and the view
 * reads (for example apps/v1beta2 Deployments are apps/v1's; autoscaling/v1 HPAs have no
 * `metrics`, so only v2 and v2beta2 fit). The first is the default.
 */
const VERSIONS: Partial<Record<CachedResource, string[]>> = {
  deployments: ['v1', 'v1beta2'],
  replicasets: ['v1', 'v1beta2'],
  statefulsets: ['v1', 'v1beta2'],
  daemonsets: ['v1', 'v1beta2'],
  cronjobs: ['v1', 'v1beta1'],
  horizontalpodautoscalers: ['v2', 'v2beta2'],
};

/** Types that are not upstream object types: always watched, whatever `objectTypes` says. */
const ALWAYS_WATCHED = new Set<CachedResource>(['events']);

/**
 * Upstream's `kubernetes.objectTypes` and `kubernetes.apiVersionOverrides` as the watch cache
 * follows them: which built-in types it watches, at which version, and each listed value it
 * cannot follow (named in the config report). Without `objectTypes` every built-in type is
 * watched; custom resources are governed by `customResources` alone, as upstream.
 */
export function readWatchedResourceTypes(config: Config): {
  watched: WatchedResourceType[];
  unhonoured: UnhonouredObjectTypeKey[];
} {
  const unhonoured: UnhonouredObjectTypeKey[] = [];
  const listed = config.getOptionalStringArray('kubernetes.objectTypes');
  const builtIn = new Set<string>(CACHED_RESOURCES.map(d => d.resource));
  listed?.forEach((type, i) => {
    if (builtIn.has(type) && !ALWAYS_WATCHED.has(type as CachedResource)) {
      return;
    }
    unhonoured.push({
      key: `kubernetes.objectTypes[${i}]`,
      reason: objectTypeReason(type),
    });
  });

  const overrides = config.getOptionalConfig('kubernetes.apiVersionOverrides');
  const versionOf = new Map<string, string>();
  for (const type of overrides?.keys() ?? []) {
    const key = `kubernetes.apiVersionOverrides.${type}`;
    const version = config.getString(key);
    const fitting = VERSIONS[type as CachedResource] ?? ['v1'];
    if (!builtIn.has(type) || ALWAYS_WATCHED.has(type as CachedResource)) {
      unhonoured.push({ key, reason: objectTypeReason(type) });
    } else if (!fitting.includes(version)) {
      unhonoured.push({
        key,
        reason: `${type} are watched at ${
          fitting[0]
        }: the view reads that version's shape (${fitting.join(
          ' or ',
        )} can be chosen)`,
      });
    } else {
      versionOf.set(type, version);
    }
  }

  const watched = CACHED_RESOURCES.filter(
    d =>
      !listed || listed.includes(d.resource) || ALWAYS_WATCHED.has(d.resource),
  ).map(d => {
    const version = versionOf.get(d.resource);
    return {
      resource: d.resource,
      apiPrefix: version
        ? d.apiPrefix.replace(/\/[^/]+$/, `/${version}`)
        : d.apiPrefix,
    };
  });
  return { watched, unhonoured };
}

/** Why a type named in objectTypes or apiVersionOverrides is not followed. */
function objectTypeReason(type: string): string {
  if (UNWATCHED_UPSTREAM_TYPES.has(type)) {
    return `'${type}' is not watched: the view does not show them`;
  }
  if (ALWAYS_WATCHED.has(type as CachedResource)) {
    return `'${type}' is not an upstream object type: Kubeplatform always watches ${type}`;
  }
  return `'${type}' is not an object type Kubeplatform watches; ignored`;
}

/** The cache's built-in resource definitions, narrowed and versioned as `watched` says. */
export function builtInDefinitions(
  watched?: readonly WatchedResourceType[],
): CachedResourceDefinition[] {
  if (!watched) return [...CACHED_RESOURCES];
  return CACHED_RESOURCES.flatMap(def => {
    const type = watched.find(w => w.resource === def.resource);
    return type ? [{ ...def, apiPrefix: type.apiPrefix }] : [];
  });
}
