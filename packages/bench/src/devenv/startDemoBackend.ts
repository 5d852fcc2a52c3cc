import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../shared/results';

/** The demo backend (`packages/backend`), running as its own process on a port of its own. */
export interface DemoBackendProcess {
  pid: number;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** The config files it was started with, in order (repository-relative where they are in it). */
  configFiles: string[];
  /** Milliseconds from spawn to its readiness endpoint answering 200. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Starts `packages/backend` the way `./scripts/start` does (`scripts/lib/backend.sh`: the same
 * config files, TypeScript through Backstage's node transform, `NODE_ENV=development` so that
 * guest sign-in is allowed), with one more config file of its own: a free port instead of
 * 7007, a throwaway SQLite folder instead of `.local-data`, and no config injection into the
 * shared `packages/app/dist` (which would point a running demo's frontend at this backend).
 * Its log goes to a private file that is shown only when it fails to start.
 */
export async function startDemoBackend(
  options: { timeoutMs?: number } = {},
): Promise<DemoBackendProcess> {
  const root = repoRoot();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-devenv-'));
  const override = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    override,
    JSON.stringify({
      app: { disableConfigInjection: true },
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: {
          client: 'better-sqlite3',
          connection: { directory: path.join(dir, 'sqlite') },
        },
      },
    }),
    { mode: 0o600 },
  );
  const configFiles = [
    'app-config.yaml',
    'app-config.single-port.yaml',
    '.local-clusters/app-config.local-clusters.yaml',
  ]
    .map(file => path.join(root, file))
    .filter(file => fs.existsSync(file))
    .concat(override);
  const logPath = path.join(dir, 'backend.log');
  const log = fs.openSync(logPath, 'w', 0o600);
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      ...configFiles.flatMap(file => ['--config', file]),
    ],
    {
      cwd: path.join(root, 'packages', 'backend'),
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', log, log],
    },
  );
  fs.closeSync(log);
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReadiness(child, baseUrl, options.timeoutMs ?? 300_000);
  } catch (error) {
    await stopChild(child);
    const tail = fs.readFileSync(logPath, 'utf8').split('\n').slice(-40);
    removeDir();
    throw new Error(
      `the demo backend did not start: ${
        (error as Error).message
      }\n--- last lines of its log ---\n${tail.join('\n')}`,
    );
  }
  return {
    pid: child.pid!,
    baseUrl,
    configFiles: configFiles.map(file =>
      file.startsWith(root) ? path.relative(root, file) : '(bench override)',
    ),
    startMs: Math.round(performance.now() - spawnedAt),
    stop: () => stopChild(child).finally(removeDir),
  };
}

async function waitForReadiness(
  child: ChildProcess,
  baseUrl: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `it exited (${child.exitCode ?? child.signalCode}) before it was ready`,
      );
    }
    const ready = await fetch(`${baseUrl}/.backstage/health/v1/readiness`)
      .then(res => res.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`not ready within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
