const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Namespace names Kubernetes or the platform itself uses.
 *
 * @public
 */
export const RESERVED_NAME_PREFIXES = ['kube-', 'kubeplatform-', 'openshift-'];
/** @public */
export const RESERVED_NAMES = ['default', 'kube-system', 'kube-public'];

/**
 * Why a name cannot be an environment name, or undefined when it can. Environment names become
 * namespace names, so they follow DNS-1123 labels and avoid names the platform reserves.
 *
 * @public
 */
export function environmentNameProblem(name: string): string | undefined {
  if (name.length === 0) {
    return 'must not be empty';
  }
  if (name.length > 63) {
    return `must be at most 63 characters (got ${name.length})`;
  }
  if (!DNS_1123_LABEL.test(name)) {
    return 'must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit';
  }
  if (RESERVED_NAMES.includes(name)) {
    return `"${name}" is reserved`;
  }
  const prefix = RESERVED_NAME_PREFIXES.find(p => name.startsWith(p));
  if (prefix) {
    return `names starting with "${prefix}" are reserved`;
  }
  return undefined;
}

/**
 * The catalog Resource name of an environment: `<name>.<cluster>`, or a shortened name with a
 * hash when that would pass the catalog's 63-character limit.
 *
 * @public
 */
export function environmentEntityName(cluster: string, name: string): string {
  const full = `${name}.${cluster}`;
  if (full.length <= 63) {
    return full;
  }
  let hash = 0;
  for (const char of full) {
    hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  }
  const suffix = hash.toString(36);
  return `${full.slice(0, 62 - suffix.length).replace(/[-.]+$/, '')}-${suffix}`;
}

/**
 * The resource type used for environment permissions (devenv.update, devenv.delete).
 *
 * @public
 */
export const ENVIRONMENT_RESOURCE_TYPE = 'kubeplatform-environment';
