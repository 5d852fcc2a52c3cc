import { isError } from '@backstage/errors';
import {
  ClusterDefinition,
  ClusterSourceError,
  ClusterSupplier,
} from '../types';

/** What each supplier answered last; a failing supplier's clusters are served from here. */
export type LastAnswers = Map<ClusterSupplier, ClusterDefinition[]>;

/** Every supplier's clusters, merged by name, with failed sources as data. */
export interface GatheredDefinitions {
  clusters: ClusterDefinition[];
  errors: ClusterSourceError[];
  /** Definitions left out because an earlier source already named the cluster. */
  duplicates: ClusterDefinition[];
}

/**
 * Asks every supplier at once. A failure becomes a value instead of hiding the other sources:
 * the failing source's last answer is kept and its clusters are named in the error, as
 * KubernetesFetcher splits its results into `{ errors, responses }` upstream. The first
 * source to name a cluster wins.
 */
/** How a failing source affects the others. */
export interface GatherOptions {
  /**
   * Upstream's `kubernetes.clusterLocatorContinueOnError`. Only an explicit `false` changes
   * anything: upstream then fails every request while a locator fails; here every cluster, of
   * every source, is served marked stale with that failure, so no view looks complete while the
   * cluster list may not be. Unset or `true`: only the failing source's clusters are stale.
   */
  continueOnError?: boolean;
}

export async function gatherClusters(
  suppliers: ClusterSupplier[],
  lastAnswers: LastAnswers,
  options: GatherOptions = {},
): Promise<GatheredDefinitions> {
  const settled = await Promise.allSettled(suppliers.map(s => s.getClusters()));
  const byName = new Map<string, ClusterDefinition>();
  const duplicates: ClusterDefinition[] = [];
  const errors: ClusterSourceError[] = [];
  settled.forEach((result, i) => {
    const supplier = suppliers[i];
    let answer: ClusterDefinition[];
    if (result.status === 'fulfilled') {
      answer = result.value;
      lastAnswers.set(supplier, answer);
    } else {
      answer = lastAnswers.get(supplier) ?? [];
    }
    const served: string[] = [];
    for (const cluster of answer) {
      if (byName.has(cluster.name)) {
        duplicates.push(cluster);
        continue;
      }
      byName.set(cluster.name, cluster);
      served.push(cluster.name);
    }
    if (result.status === 'rejected') {
      errors.push({
        source: supplier.name,
        message: isError(result.reason)
          ? result.reason.message
          : String(result.reason),
        staleClusters: served,
      });
    }
  });
  if (options.continueOnError === false && errors.length) {
    const every = [...byName.keys()];
    for (const error of errors) {
      error.message = `${error.message}; kubernetes.clusterLocatorContinueOnError is false, so every cluster is marked stale until this source answers`;
      error.staleClusters = every;
    }
  }
  return { clusters: [...byName.values()], errors, duplicates };
}
