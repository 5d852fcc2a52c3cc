import fs from 'node:fs';
import { ClusterAuthStrategy, ClusterDefinition } from '../types';

/**
 * A cluster from config, with where in config it is defined.
 *
 * @public
 */
export interface ConfiguredCluster {
  cluster: ClusterDefinition;
  /** e.g. `kubernetes.clusterLocatorMethods[0].clusters[1]`. */
  configKey: string;
}

/**
 * Checks clusters from config against the installed auth strategies, so that bad config stops
 * the backend at startup with the cluster and key named, rather than failing on first use.
 * Throws one error listing every problem. Messages never echo secrets.
 *
 * @public
 */
export function validateConfiguredClusters(
  configured: ConfiguredCluster[],
  strategies: ReadonlyMap<string, ClusterAuthStrategy>,
): void {
  const problems = configured.flatMap(c => problemsOf(c, strategies));
  if (problems.length) {
    throw new Error(
      `Invalid kubernetes cluster configuration: ${problems.join('; ')}`,
    );
  }
}

function problemsOf(
  { cluster, configKey }: ConfiguredCluster,
  strategies: ReadonlyMap<string, ClusterAuthStrategy>,
): string[] {
  const problems: string[] = [];
  const strategy = strategies.get(cluster.authProvider);
  if (!strategy) {
    problems.push(
      `${configKey}.authProvider: cluster '${
        cluster.name
      }' uses authProvider '${
        cluster.authProvider
      }', for which no auth strategy is installed (installed: ${[
        ...strategies.keys(),
      ]
        .sort()
        .join(', ')})`,
    );
  } else {
    for (const error of strategy.validateCluster(cluster.authMetadata)) {
      problems.push(
        `${configKey}: cluster '${cluster.name}': ${error.message}`,
      );
    }
  }
  if (cluster.caFile) {
    try {
      fs.accessSync(cluster.caFile, fs.constants.R_OK);
    } catch {
      problems.push(
        `${configKey}.caFile: cluster '${cluster.name}': the CA file '${cluster.caFile}' cannot be read`,
      );
    }
  }
  return problems;
}
