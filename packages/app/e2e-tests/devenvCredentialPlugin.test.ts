import { APIRequestContext, expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { saveScreenshot, signInAsGuest } from './helpers';

/**
 * `kubectl-kubeplatform` with a real Chromium: `login` prints its sign-in URL, the browser
 * (signed in as guest) confirms on the Environments page, the page posts a limited token to the
 * plugin's loopback callback, and then a real kubectl connects through the plugin with a
 * kubeconfig that holds no token.
 */

test.setTimeout(180_000);

const PLUGIN_BIN = resolve(
  __dirname,
  '../../kubectl-kubeplatform/bin/kubectl-kubeplatform',
);
const KUBECTL = process.env.KUBECTL ?? 'kubectl';

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/auth/guest/refresh');
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', fail);
    child.on('close', code => done({ code, stdout, stderr }));
  });
}

test('kubectl-kubeplatform signs in through the browser once, then kubectl connects', async ({
  page,
  request,
  baseURL,
}) => {
  const name = `e2e-cli-${Date.now().toString(36)}`;
  const api = `${baseURL}/api/devenv`;
  const work = mkdtempSync(join(tmpdir(), 'kubectl-kubeplatform-e2e-'));
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'kubectl-kubeplatform'),
    `#!/bin/sh\nexec "${process.execPath}" "${PLUGIN_BIN}" "$@"\n`,
    { mode: 0o755 },
  );
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    KUBEPLATFORM_CACHE_DIR: join(work, 'cache'),
  };
  const token = await guestToken(request);
  const auth = { authorization: `Bearer ${token}` };

  try {
    const created = await request.post('/api/devenv/environments', {
      headers: auth,
      data: { name, class: 'namespace', cluster: 'dev-eu', ttl: '1h' },
    });
    expect(created.status()).toBe(201);

    await signInAsGuest(page);

    // `login` waits on its loopback callback and prints where to sign in.
    const login = spawn(
      'kubectl-kubeplatform',
      ['login', '--api', api, '--no-browser'],
      { env },
    );
    let loginOutput = '';
    login.stdout.on('data', chunk => (loginOutput += chunk));
    const loginExit = new Promise<number | null>(done =>
      login.on('close', done),
    );
    const signInUrl = await new Promise<string>((done, fail) => {
      login.stderr.on('data', chunk => {
        loginOutput += chunk;
        const match = /Open this URL to sign in: (\S+)/.exec(loginOutput);
        if (match) done(match[1]);
      });
      login.on('close', code =>
        fail(new Error(`login ended (${code}): ${loginOutput}`)),
      );
    });

    // The browser: the Environments page asks before it signs anything in.
    await page.goto(signInUrl);
    await expect(page).toHaveURL(/\/devenv\?cli-port=\d+&cli-state=/);
    const confirm = page.getByRole('button', {
      name: 'Sign in kubectl-kubeplatform',
    });
    await expect(confirm).toBeVisible();
    await saveScreenshot(page, 'devenv-cli-sign-in');
    await confirm.click();
    await expect(
      page.getByText('kubectl-kubeplatform is signed in'),
    ).toBeVisible();
    expect(await loginExit).toBe(0);
    expect(loginOutput).toContain(`Signed in to ${api} until`);

    // A kubeconfig without a token; a real kubectl gets one through the plugin.
    const file = join(work, `${name}.kubeconfig`);
    const written = await run(
      'kubectl-kubeplatform',
      ['kubeconfig', '--api', api, `dev-eu/${name}`, '-o', file],
      env,
    );
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toMatch(/token/);
    const inside = await run(
      KUBECTL,
      ['--kubeconfig', file, 'auth', 'can-i', 'create', 'pods', '-n', name],
      env,
    );
    expect(inside.stdout).toBe('yes\n');
    const outside = await run(
      KUBECTL,
      [
        '--kubeconfig',
        file,
        'auth',
        'can-i',
        'create',
        'pods',
        '-n',
        'default',
      ],
      env,
    );
    expect(outside.stdout).toBe('no\n');
  } finally {
    await request.delete(`/api/devenv/environments/dev-eu/${name}`, {
      headers: auth,
    });
    rmSync(work, { recursive: true, force: true });
  }
});
