import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The bin of the credential plugin, a workspace of this repository. */
function pluginBin(): string {
  return resolvePackagePath(
    '@kubeplatform/kubectl-kubeplatform',
    'bin',
    'kubectl-kubeplatform',
  );
}

/**
 * A temporary folder with `kubectl-kubeplatform` on PATH, as `npm install -g` would put it,
 * and a token cache of its own.
 *
 * @public
 */
export interface CredentialPluginInstall {
  /** The folder; `remove()` deletes it. */
  dir: string;
  /** This process's environment with the plugin first on PATH and the cache in `dir`. */
  env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

/**
 * Installs the credential plugin of this repository into a new temporary folder named
 * `prefix` and a random suffix.
 *
 * @public
 */
export async function installCredentialPlugin(
  prefix: string,
): Promise<CredentialPluginInstall> {
  const dir = await fs.mkdtemp(join(tmpdir(), prefix));
  const bin = join(dir, 'bin');
  await fs.mkdir(bin);
  await fs.writeFile(
    join(bin, 'kubectl-kubeplatform'),
    `#!/bin/sh\nexec "${process.execPath}" "${pluginBin()}" "$@"\n`,
    { mode: 0o755 },
  );
  return {
    dir,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      KUBEPLATFORM_CACHE_DIR: join(dir, 'cache'),
    },
    remove: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A running `kubectl-kubeplatform login --no-browser`, waiting on its loopback callback.
 *
 * @public
 */
export interface PluginLogin {
  /** The URL it printed for the browser; rejects when login ends before printing one. */
  signInUrl: Promise<string>;
  /** Its exit code, once it ends. */
  exit: Promise<number | null>;
  /** What it printed on stdout so far. */
  stdout(): string;
  /** What it printed on stderr so far. */
  stderr(): string;
}

/**
 * Starts `kubectl-kubeplatform login --api <api> --no-browser` (the plugin on the PATH of
 * `env`).
 *
 * @public
 */
export function startPluginLogin(
  api: string,
  env: NodeJS.ProcessEnv,
): PluginLogin {
  const login = spawn(
    'kubectl-kubeplatform',
    ['login', '--api', api, '--no-browser'],
    { env },
  );
  let stdout = '';
  let stderr = '';
  login.stdout.on('data', chunk => (stdout += chunk));
  const exit = new Promise<number | null>(done => login.on('close', done));
  const signInUrl = new Promise<string>((done, fail) => {
    login.stderr.on('data', chunk => {
      stderr += chunk;
      const match = /Open this URL to sign in: (\S+)/.exec(stderr);
      if (match) done(match[1]);
    });
    login.on('close', code =>
      fail(
        new Error(
          `login ended (${code}) before printing a URL: ${stderr}${stdout}`,
        ),
      ),
    );
  });
  return { signInUrl, exit, stdout: () => stdout, stderr: () => stderr };
}
