import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../shared/results';

/** The demo backend serving the built frontend, as its own process on a port of its own. */
export interface AppBackendProcess {
  pid: number;
  /** `http://localhost:<port>`: the app and its APIs on one origin. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `packages/backend` like `./scripts/start` (same config files, `NODE_ENV=development` for
 * guest sign-in) on a free port with a throwaway SQLite folder. Unlike the devenv bench's backend
 * it serves `packages/app/dist`: the frontend config goes into the served index.html (built from
 * dist's index.html.tmpl, in memory), so the shared dist folder is not written to.
 */
export async function startAppBackend(
  timeoutMs = 300_000,
): Promise<AppBackendProcess> {
  const root = repoRoot();
  if (!fs.existsSync(path.join(root, 'packages/app/dist/index.html.tmpl'))) {
    throw new Error(
      'packages/app/dist has no index.html.tmpl: build the frontend first (yarn build:frontend)',
    );
  }
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-onboarding-'));
  const override = path.join(dir, 'app-config.onboarding.yaml');
  fs.writeFileSync(
    override,
    JSON.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port },
        cors: { origin: baseUrl },
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
    await waitForReadiness(child, baseUrl, timeoutMs);
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
      throw new Error(`it exited (${child.exitCode ?? child.signalCode})`);
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
