import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageDir } from '../paths';

/** Paths of the control-plane binaries built from our Go modules. */
export interface Binaries {
  dir: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  etcd: string;
  kwok: string;
  kwokctl: string;
  /** metrics-server, from its own Go module (go/metrics-server) and its own cache folder. */
  metricsServer: string;
}

export function binariesIn(dir: string, metricsServerDir = dir): Binaries {
  return {
    dir,
    kubeApiserver: path.join(dir, 'kube-apiserver'),
    kubeControllerManager: path.join(dir, 'kube-controller-manager'),
    kubeScheduler: path.join(dir, 'kube-scheduler'),
    etcd: path.join(dir, 'etcd'),
    kwok: path.join(dir, 'kwok'),
    kwokctl: path.join(dir, 'kwokctl'),
    metricsServer: path.join(metricsServerDir, 'metrics-server'),
  };
}

const exitHints: Record<number, string> = {
  3: 'Go is missing: install Go 1.24 or newer and run `yarn clusters up` again.',
  4: 'a Go build failed: read the compiler or module-download error above.',
};

/**
 * Builds the binaries, or finds them in the cache, by running scripts/build-binaries.sh (the
 * control plane) and scripts/build-metrics-server.sh. Their progress goes to our stderr; the
 * last stdout line of each is its cache folder.
 */
export async function ensureBinaries(signal?: AbortSignal): Promise<Binaries> {
  const dir = await runBuildScript(
    'build-binaries.sh',
    'the Kubernetes binaries',
    signal,
  );
  const metricsServerDir = await runBuildScript(
    'build-metrics-server.sh',
    'metrics-server',
    signal,
  );
  const binaries = binariesIn(dir, metricsServerDir);
  for (const file of Object.values(binaries).slice(1)) {
    if (!fs.existsSync(file)) {
      throw new Error(`the build scripts reported ${file}, but it is missing`);
    }
  }
  return binaries;
}

/** Runs one of scripts/build-*.sh and returns the cache folder it printed last. */
async function runBuildScript(
  name: string,
  what: string,
  signal?: AbortSignal,
): Promise<string> {
  const script = path.join(packageDir(), 'scripts', name);
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      signal,
    });
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) {
        resolve(out);
        return;
      }
      const hint =
        (code !== null && exitHints[code]) || 'see the messages above.';
      reject(new Error(`building ${what} failed (exit ${code}): ${hint}`));
    });
  });
  return stdout.trim().split('\n').pop() ?? '';
}

/**
 * Hard-links the cached binaries into the fleet's own folder (named after both cache keys) and
 * returns those paths. kwokctl
 * symlinks each cluster's binaries into its workdir; pointing those links inside the repository
 * keeps the tree free of symlinks that leave it, which TechDocs refuses when it builds the suite's
 * docs from `dir:.`. Hard links cost no disk space; a copy is the fallback across filesystems.
 */
export function stageBinaries(binaries: Binaries, stateRoot: string): Binaries {
  const dir = path.join(
    stateRoot,
    'bin',
    `${path.basename(binaries.dir)}-${path.basename(
      path.dirname(binaries.metricsServer),
    )}`,
  );
  const staged = binariesIn(dir);
  fs.mkdirSync(dir, { recursive: true });
  for (const key of Object.keys(staged) as Array<keyof Binaries>) {
    if (key === 'dir') continue;
    const from = binaries[key];
    const to = staged[key];
    if (fs.existsSync(to) && fs.statSync(to).size === fs.statSync(from).size) {
      continue;
    }
    fs.rmSync(to, { force: true });
    try {
      fs.linkSync(from, to);
    } catch {
      fs.copyFileSync(from, to);
      fs.chmodSync(to, 0o755);
    }
  }
  return staged;
}
