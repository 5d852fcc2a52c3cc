import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopChild } from './childProcess';
import { repoRoot } from './results';

/** The demo backend (`packages/backend`), running as its own process on a port of its own. */
export interface DemoBackendProcess {
  pid: number;
  /** `http://<host>:<port>`. */
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
 * guest sign-in is allowed), with one more config file of the bench's own on top: `config`
 * given the free port and base URL, plus a throwaway SQLite folder instead of `.local-data`.
 * The override and the log live in a private temporary folder (`bench-<name>-…`), removed on
 * stop; the log is shown only when the backend fails to start.
 */
export async function startDemoBackendProcess(options: {
  name: string;
  /** The host of `baseUrl`. */
  host: string;
  config(port: number, baseUrl: string): { backend: object } & object;
  timeoutMs: number;
}): Promise<DemoBackendProcess> {
  const root = repoRoot();
  const port = await freePort();
  const baseUrl = `http://${options.host}:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${options.name}-`));
  const override = path.join(dir, `app-config.${options.name}.yaml`);
  const config = options.config(port, baseUrl);
  fs.writeFileSync(
    override,
    JSON.stringify({
      ...config,
      backend: {
        ...config.backend,
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
  try {
    await waitForReadiness(child, baseUrl, options.timeoutMs);
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
