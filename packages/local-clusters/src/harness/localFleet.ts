import { spawn } from 'node:child_process';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { probeReadyz, ReadinessTarget } from '../control/readiness';
import { readAdminCredentials } from '../control/adminCredentials';
import { adminKubeConfig } from '../fleet/adminKubeConfig';
import { clusterIdentity } from '../fleet/clusterIdentity';
import { ClusterState, readFleetState } from '../fleet/fleetState';
import { ServiceAccountTokens } from '../fleet/serviceAccounts';
import { findRepoRoot, statePaths } from '../paths';

/** One running local cluster, as tests see it. */
export interface LocalCluster {
  name: string;
  title: string;
  context: string;
  server: string;
  /** Base64 PEM of the cluster CA. */
  caData: string;
  region: string;
  environment: string;
  /**
   * Long-lived tokens: `reader` reads cluster-wide, `limited` only in `limitedNamespaces`,
   * `backend` (the demo backend's) reads cluster-wide and provisions development environments.
   */
  tokens: ServiceAccountTokens;
  limitedNamespaces: string[];
  /** The apiserver audit log (Metadata level, service-account requests only). */
  auditLogPath: string;
  /** A fresh admin KubeConfig (client certificate) for this cluster. */
  kubeConfig(): KubeConfig;
  /** A fresh KubeConfig that authenticates with one of the service-account tokens. */
  tokenKubeConfig(token: keyof ServiceAccountTokens): KubeConfig;
  /**
   * Throws an error naming this cluster when its apiserver does not answer /readyz within a
   * few seconds. Tests call it when a request fails, to tell a dead cluster from a failure.
   */
  assertAnswering(): Promise<void>;
}

export interface LocalFleet {
  kubeconfigPath: string;
  appConfigPath: string;
  clusters: LocalCluster[];
  /** The cluster with this name; throws when the fleet has none. */
  cluster(name: string): LocalCluster;
}

const NOT_UP = 'run `yarn clusters up`';

function tokenKubeConfig(
  c: ClusterState,
  which: keyof ServiceAccountTokens,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: c.context,
        server: c.server,
        caData: c.caData,
        skipTLSVerify: false,
      },
    ],
    users: [{ name: `backstage-${which}`, token: c.tokens[which] }],
    contexts: [
      { name: c.context, cluster: c.context, user: `backstage-${which}` },
    ],
    currentContext: c.context,
  });
  return kc;
}

/**
 * Health checks use the admin certificate, not a service-account token: the audit log records
 * service-account requests only, and benchmarks count those as the backend's own.
 */
function adminTarget(c: ClusterState): ReadinessTarget {
  try {
    return { server: c.server, ...readAdminCredentials(c.workdir) };
  } catch {
    // The cluster's folder is gone (deleted by `down`); the probe will say it is not answering.
    return { server: c.server, caData: c.caData, token: c.tokens.reader };
  }
}

function notAnswering(name: string, server: string, reason: string): Error {
  return new Error(
    `cluster ${name} (${server}) is not answering (${reason}): ${NOT_UP}`,
  );
}

/**
 * Reads the fleet `yarn clusters up` recorded and checks that every apiserver answers /readyz
 * within a few seconds. Throws an error naming the first dead cluster; never hangs.
 */
export async function loadLocalFleet(
  options: { timeoutMs?: number } = {},
): Promise<LocalFleet> {
  const paths = statePaths();
  const state = readFleetState(paths);
  if (!state || state.clusters.length === 0) {
    throw new Error(
      `no local clusters are recorded in ${paths.root}: ${NOT_UP}`,
    );
  }
  const answers = await Promise.all(
    state.clusters.map(c =>
      probeReadyz(adminTarget(c), options.timeoutMs ?? 3000),
    ),
  );
  const dead = state.clusters.findIndex((_, i) => answers[i] !== undefined);
  if (dead >= 0) {
    const c = state.clusters[dead];
    throw notAnswering(c.name, c.server, answers[dead]!);
  }
  // While one of ours was stopped, another cluster may have taken its port.
  for (const c of state.clusters) {
    const identity = await clusterIdentity(
      adminKubeConfig(c.context, c.server, readAdminCredentials(c.workdir)),
    ).catch((e: Error) => `unknown (${e.message})`);
    if (identity !== c.identity) {
      throw new Error(
        `cluster ${c.name} (${c.server}) answers, but it is not the cluster \`yarn clusters up\` made (another program took its port): ${NOT_UP}`,
      );
    }
  }
  const clusters: LocalCluster[] = state.clusters.map(c => ({
    name: c.name,
    title: c.title,
    context: c.context,
    server: c.server,
    caData: c.caData,
    region: c.region,
    environment: c.environment,
    tokens: c.tokens,
    limitedNamespaces: c.limitedNamespaces,
    auditLogPath: c.auditLogPath,
    kubeConfig: () =>
      adminKubeConfig(c.context, c.server, readAdminCredentials(c.workdir)),
    tokenKubeConfig: which => tokenKubeConfig(c, which),
    assertAnswering: async () => {
      const reason = await probeReadyz(
        adminTarget(c),
        options.timeoutMs ?? 3000,
      );
      if (reason) throw notAnswering(c.name, c.server, reason);
    },
  }));
  return {
    kubeconfigPath: paths.kubeconfig,
    appConfigPath: paths.appConfig,
    clusters,
    cluster: name => {
      const found = clusters.find(c => c.name === name);
      if (!found)
        throw new Error(`the local fleet has no cluster named ${name}`);
      return found;
    },
  };
}

/**
 * The fleet, brought up first when it is not running (which can take minutes on a machine
 * that has never built the binaries). Runs `yarn clusters up` as a child process.
 */
export async function ensureLocalFleet(): Promise<LocalFleet> {
  try {
    return await loadLocalFleet();
  } catch {
    const root = findRepoRoot();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--require',
          require.resolve('@backstage/cli/config/nodeTransform.cjs', {
            paths: [root],
          }),
          path.join(root, 'packages', 'local-clusters', 'src', 'cli.ts'),
          'up',
        ],
        { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('error', reject);
      child.on('close', code =>
        code === 0
          ? resolve()
          : reject(new Error(`\`yarn clusters up\` failed (exit ${code})`)),
      );
    });
    return loadLocalFleet();
  }
}
