import { Config } from '@backstage/config';
import type { CustomResourceType } from '@kubeplatform/clusters-common';
import type { CachedResourceDefinition } from './resources';
import { trimCustomResource } from './trimCustomResource';

/** DNS-1123 subdomain (a group) and label (a plural, a version), as the API server accepts them. */
const GROUP =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Upstream's `customResources` list (`kubernetes.customResources`, or a cluster's own), checked:
 * each entry needs `group`, `apiVersion` and `plural`, names the API server would accept, and
 * appears once. Throws naming the key of the bad entry.
 */
export function readCustomResourceTypes(
  entries: Config[] | undefined,
  key: string,
): CustomResourceType[] | undefined {
  if (!entries) return undefined;
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const at = `${key}[${i}]`;
    const type: CustomResourceType = {
      group: entry.getString('group'),
      apiVersion: entry.getString('apiVersion'),
      plural: entry.getString('plural'),
    };
    if (!GROUP.test(type.group) || type.group.length > 253) {
      throw new Error(`${at}.group: '${type.group}' is not an API group name`);
    }
    for (const field of ['apiVersion', 'plural'] as const) {
      if (!LABEL.test(type[field]) || type[field].length > 63) {
        throw new Error(
          `${at}.${field}: '${type[field]}' is not a valid ${field} (lowercase letters, digits and '-')`,
        );
      }
    }
    const id = `${type.plural}.${type.group}/${type.apiVersion}`;
    if (seen.has(id)) {
      throw new Error(`${at}: ${id} is listed twice`);
    }
    seen.add(id);
    return type;
  });
}

/** One watch definition per custom resource type; all are cached as `customresources`. */
export function customResourceDefinitions(
  types: readonly CustomResourceType[],
): CachedResourceDefinition<'customresources'>[] {
  return types.map(t => ({
    resource: 'customresources',
    kind: t.plural,
    apiPrefix: `/apis/${t.group}/${t.apiVersion}`,
    plural: t.plural,
    group: t.group,
    trim: trimCustomResource,
  }));
}
