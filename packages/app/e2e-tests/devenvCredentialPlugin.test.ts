import { expect, test } from '@playwright/test';
import {
  canCreatePods,
  installCredentialPlugin,
  runCommand,
  startPluginLogin,
} from '@kubeplatform/plugin-devenv-backend/testUtils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guestToken, saveScreenshot, signInAsGuest } from './helpers';

/**
 * `kubectl-kubeplatform` with a real Chromium: `login` prints its sign-in URL, the browser
 * (signed in as guest) confirms on the Environments page, the page posts a limited token to the
 * plugin's loopback callback, and then a real kubectl connects through the plugin with a
 * kubeconfig that holds no token.
 */

test.setTimeout(180_000);

test('kubectl-kubeplatform signs in through the browser once, then kubectl connects', async ({
  page,
  request,
  baseURL,
}) => {
  const name = `e2e-cli-${Date.now().toString(36)}`;
  const api = `${baseURL}/api/devenv`;
  const plugin = await installCredentialPlugin('kubectl-kubeplatform-e2e-');
  const { env } = plugin;
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
    const login = startPluginLogin(api, env);
    const signInUrl = await login.signInUrl;

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
    expect(await login.exit).toBe(0);
    expect(login.stderr() + login.stdout()).toContain(
      `Signed in to ${api} until`,
    );

    // A kubeconfig without a token; a real kubectl gets one through the plugin.
    const file = join(plugin.dir, `${name}.kubeconfig`);
    const written = await runCommand(
      'kubectl-kubeplatform',
      ['kubeconfig', '--api', api, `dev-eu/${name}`, '-o', file],
      env,
    );
    expect(written.code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toMatch(/token/);
    const inside = await canCreatePods(file, name, { env });
    expect(inside.stdout).toBe('yes\n');
    const outside = await canCreatePods(file, 'default', { env });
    expect(outside.stdout).toBe('no\n');
  } finally {
    await request.delete(`/api/devenv/environments/dev-eu/${name}`, {
      headers: auth,
    });
    await plugin.remove();
  }
});
