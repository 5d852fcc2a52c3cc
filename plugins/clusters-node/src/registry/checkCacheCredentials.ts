import { authModeOf } from '../auth/authMode';
import { readClusterMetadata } from '../sources/readClusterMetadata';
import { ClusterAuthStrategy, ClusterDefinition } from '../types';
import type { Config } from '@backstage/config';

/**
 * The watch cache reads a user-level cluster (`oidc`, `google`, `aks`) with the service
 * credential in `kubeplatform.clusters[].cacheCredential`. Throws, naming cluster and key, when
 * such a credential is itself bad (unknown or user-level authProvider, incomplete metadata), and
 * returns the user-level clusters that have none: they are listed as needing configuration, not
 * read, and the backend still starts. Messages never echo secrets.
 */
export function checkCacheCredentials(
  rootConfig: Config,
  clusters: ClusterDefinition[],
  strategies: ReadonlyMap<string, ClusterAuthStrategy>,
): { missing: string[] } {
  const metadata = readClusterMetadata(rootConfig);
  const problems: string[] = [];
  for (const meta of metadata.values()) {
    const credential = meta.cacheCredential;
    if (!credential) continue;
    const key = `kubeplatform.clusters[name=${meta.name}].cacheCredential`;
    const strategy = strategies.get(credential.authProvider);
    if (!strategy) {
      problems.push(
        `${key}.authProvider: cluster '${meta.name}' names authProvider '${credential.authProvider}', for which no auth strategy is installed`,
      );
    } else if (authModeOf(strategy) !== 'service') {
      problems.push(
        `${key}.authProvider: cluster '${meta.name}' names '${credential.authProvider}', a user-level authProvider; the watch cache needs a service-level one such as serviceAccount`,
      );
    } else {
      for (const error of strategy.validateCluster(credential.authMetadata)) {
        problems.push(`${key}: cluster '${meta.name}': ${error.message}`);
      }
    }
  }
  if (problems.length) {
    throw new Error(
      `Invalid kubeplatform cluster configuration: ${problems.join('; ')}`,
    );
  }
  const missing = clusters
    .filter(c => {
      const strategy = strategies.get(c.authProvider);
      return (
        !c.kubeConfig &&
        strategy &&
        authModeOf(strategy) === 'user' &&
        !metadata.get(c.name)?.cacheCredential
      );
    })
    .map(c => c.name);
  return { missing };
}

/** The startup error for user-level clusters without a cache credential. */
export function describeMissingCacheCredentials(
  missing: string[],
): string | undefined {
  if (!missing.length) return undefined;
  return `User-level clusters without a service credential for the watch cache are listed as needing configuration and not read: ${missing
    .map(
      name =>
        `'${name}' (set kubeplatform.clusters[name=${name}].cacheCredential)`,
    )
    .join(', ')}. See docs/multicluster-backend.md, "User-level clusters".`;
}
