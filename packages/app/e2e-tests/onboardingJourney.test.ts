import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { canCreatePods } from '@kubeplatform/plugin-devenv-backend/testUtils';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { guestToken, saveScreenshot, signInAsGuest } from './helpers';

/**
 * The onboarding journey, through the UI only: a new developer searches for a service, sees it
 * across clusters on its page, requests an environment from the template, waits for it to be
 * ready and connects with the command the task page prints. `yarn bench:onboarding` runs this
 * test and reads the `onboarding` attachment: the screens the user went through and the wall time.
 */

const run = promisify(execFile);
const kubectl = process.env.KUBECTL_PATH ?? '/usr/bin/kubectl';

// A cold backend builds its search index and runs the task; the journey itself is timed below.
test.setTimeout(300_000);
// A step that cannot find its control fails soon, with what it was looking for.
test.use({ actionTimeout: 30_000 });

/** Every pathname the main frame navigated to, redirects included, in order. */
function navigationsOf(page: Page): string[] {
  const navigations: string[] = [];
  page.on('framenavigated', frame => {
    if (frame !== page.mainFrame()) return;
    const pathname = new URL(frame.url()).pathname;
    if (navigations[navigations.length - 1] !== pathname) {
      navigations.push(pathname);
    }
  });
  return navigations;
}

/** Waits until search finds checkout: a new backend indexes shortly after it starts. */
async function waitForSearchIndex(request: APIRequestContext) {
  const headers = { authorization: `Bearer ${await guestToken(request)}` };
  await expect
    .poll(
      async () =>
        JSON.stringify(
          await (
            await request.get('/api/search/query?term=checkout', { headers })
          ).json(),
        ),
      { timeout: 180_000, intervals: [5_000], message: 'the search index' },
    )
    .toContain('/catalog/default/component/checkout');
}

test('onboarding: search → service across clusters → request an environment → connect', async ({
  page,
  request,
}, testInfo) => {
  const name = `onb-${Date.now().toString(36)}`;
  const token = await guestToken(request);
  const headers = { authorization: `Bearer ${token}` };
  await waitForSearchIndex(request);
  await signInAsGuest(page);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onboarding-'));
  const navigations = navigationsOf(page);
  // The screens the user's own navigations landed on, after the signed-in home page (the
  // search box is a dialog over it).
  const screens: string[] = [];
  const landed = () => screens.push(new URL(page.url()).pathname);
  const startedAt = performance.now();

  try {
    // 1. Search, from the sidebar's search box, and open the service.
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('button', { name: 'Search' })
      .click();
    await page.getByRole('textbox', { name: /search/i }).fill('checkout');
    await page
      .getByRole('dialog')
      .locator('a[href*="/catalog/default/component/checkout"]')
      .first()
      .click();

    // 2. The service page shows it in both clusters.
    await expect(page.getByText('Kubernetes across clusters')).toBeVisible();
    await expect(page.getByTestId('cluster-row-dev-eu')).toBeVisible();
    await expect(page.getByTestId('cluster-row-prod-us')).toBeVisible();
    landed();
    await saveScreenshot(page, 'onboarding-service');

    // 3. The template, from the service page's "Request an environment" card: the form opens
    // with the name prefilled after the service.
    await page.getByRole('button', { name: 'Request an environment' }).click();
    const nameField = page.getByRole('textbox', { name: 'Name' });
    await expect(nameField).toHaveValue('checkout-dev');
    await nameField.fill(name);
    landed();
    const owner = page.getByRole('textbox', { name: 'Owner' });
    await owner.click();
    await owner.fill('guest');
    await page.getByRole('option').filter({ hasText: 'Guest' }).first().click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: /Cluster/ }).click();
    await page.getByRole('option', { name: /dev-eu/ }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    // 4. The task ends with the environment ready and prints how to connect.
    const done = page.getByRole('link', { name: 'Open the environment' });
    const failure = page.getByRole('alert').filter({ hasText: /Error/ });
    await expect(done.or(failure).first()).toBeVisible({ timeout: 180_000 });
    if (await failure.count()) {
      throw new Error(`The task failed: ${await failure.first().innerText()}`);
    }
    landed();
    const connectCommand = (
      await page.locator('code', { hasText: 'kubeconfig' }).first().innerText()
    ).trim();
    await saveScreenshot(page, 'onboarding-task-done');

    // 5. The connect command works, run as printed with the user's own token.
    await run('bash', ['-c', connectCommand], {
      cwd: workDir,
      env: {
        ...process.env,
        BACKSTAGE_TOKEN: token,
        PATH: `${path.dirname(kubectl)}:${process.env.PATH}`,
      },
    });
    const kubeconfig = path.join(workDir, `${name}.kubeconfig`);
    const canCreateInside = await canCreatePods(kubeconfig, name, { kubectl });
    expect(canCreateInside.stdout.trim()).toBe('yes');
    const wallMs = Math.round(performance.now() - startedAt);
    const canCreateOutside = await canCreatePods(kubeconfig, 'default', {
      kubectl,
    });
    expect(canCreateOutside.stdout.trim()).toBe('no');

    await testInfo.attach('onboarding', {
      contentType: 'application/json',
      body: JSON.stringify({ screens, navigations, wallMs, connectCommand }),
    });
    testInfo.annotations.push({
      type: 'onboarding',
      description: `screens=${screens.length} wall=${
        wallMs / 1000
      } s (${screens.join(' → ')})`,
    });
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
    await request.delete(`/api/devenv/environments/dev-eu/${name}`, {
      headers,
    });
  }
});
