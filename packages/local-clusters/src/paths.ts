import fs from 'node:fs';
import path from 'node:path';

/** The package folder of @kubeplatform/local-clusters (holds scripts/ and go/). */
export function packageDir(): string {
  return path.dirname(
    require.resolve('@kubeplatform/local-clusters/package.json'),
  );
}

/** The monorepo root: the nearest folder upwards whose package.json declares workspaces. */
export function findRepoRoot(start: string = packageDir()): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const json = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      if (json.workspaces) return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `no monorepo root (package.json with workspaces) above ${start}`,
      );
    }
    dir = parent;
  }
}

/** Every file the local fleet writes, under one git-ignored folder. */
export interface StatePaths {
  root: string;
  kwokWorkdir: string;
  configDir: string;
  logsDir: string;
  kubeconfig: string;
  appConfig: string;
  stateFile: string;
  upLock: string;
  simulatorPid: string;
  simulatorLog: string;
}

export function statePaths(
  root: string = process.env.KUBEPLATFORM_LOCAL_CLUSTERS_DIR ??
    path.join(findRepoRoot(), '.local-clusters'),
): StatePaths {
  const abs = path.resolve(root);
  return {
    root: abs,
    kwokWorkdir: path.join(abs, 'kwok'),
    configDir: path.join(abs, 'config'),
    logsDir: path.join(abs, 'logs'),
    kubeconfig: path.join(abs, 'kubeconfig'),
    appConfig: path.join(abs, 'app-config.local-clusters.yaml'),
    stateFile: path.join(abs, 'state.json'),
    upLock: path.join(abs, 'up.pid'),
    simulatorPid: path.join(abs, 'environment-composition-simulator.pid'),
    simulatorLog: path.join(
      abs,
      'logs',
      'environment-composition-simulator.log',
    ),
  };
}

/** The kwokctl working directory of one cluster (pki, kubeconfig, etcd data, logs, pids). */
export function clusterWorkdir(paths: StatePaths, name: string): string {
  return path.join(paths.kwokWorkdir, 'clusters', name);
}
