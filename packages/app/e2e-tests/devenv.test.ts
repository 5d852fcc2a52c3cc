import { expect, Locator, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { parse } from 'yaml';
import {
  createNamespaceEnvironment,
  guestEnvironmentRequest,
  guestToken,
  saveScreenshot,
  signInAsGuest,
} from './helpers';

/**
 * The developer's path through the browser: request an environment from the template, see it on
 * the Environments page, in the catalog and in search, connect with the kubeconfig it prints,
 * then delete it. And onboard-developer, run for real.
 */

// Task runs, the catalog provider and the environments collator each take a while.
test.setTimeout(300_000);

/** Asks the cluster, with the environment's own kubeconfig, whether it may create pods. */
async function mayCreatePods(
  kubeconfigYaml: string,
  namespace: string,
): Promise<boolean> {
  const kubeconfig = parse(kubeconfigYaml);
  const cluster = kubeconfig.clusters[0].cluster;
  const user = kubeconfig.users[0].user;
  const url = new URL(
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    cluster.server,
  );
  const body = JSON.stringify({
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: { namespace, verb: 'create', resource: 'pods' },
    },
  });
  const answer = await new Promise<string>((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: 'POST',
        ca: Buffer.from(cluster['certificate-authority-data'], 'base64'),
        headers: {
          authorization: `Bearer ${user.token}`,
          'content-type': 'application/json',
        },
      },
      res => {
        let text = '';
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(text)
            : reject(new Error(`${res.statusCode}: ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  return JSON.parse(answer).status.allowed === true;
}

/** Goes through the template form's pages and starts the task. */
async function createFromTemplate(page: Page) {
  for (;;) {
    const review = page.getByRole('button', { name: 'Review' });
    if (await review.isVisible()) {
      await review.click();
      break;
    }
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Create' }).click();
}

/** Waits for the task page to show `success`, or fails at once with the task's error. */
async function waitForTask(page: Page, success: Locator) {
  const failure = page.getByRole('alert').filter({ hasText: /Error/ });
  await expect(success.or(failure).first()).toBeVisible({ timeout: 120_000 });
  if (await failure.count()) {
    throw new Error(`The task failed: ${await failure.first().innerText()}`);
  }
}

test('request an environment from the template, use it, find it, delete it', async ({
  page,
  request,
}) => {
  const name = `e2e-${Date.now().toString(36)}`;
  await signInAsGuest(page);

  const formData = { name, owner: 'user:default/guest' };
  await page.goto(
    `/create/templates/default/request-dev-environment?formData=${encodeURIComponent(
      JSON.stringify(formData),
    )}`,
  );
  await expect(
    page.getByText('Request a development environment').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  // The KubeplatformClusterPicker lists the clusters from the devenv API.
  await page.getByRole('button', { name: /Cluster/ }).click();
  await page.getByRole('option', { name: /dev-eu/ }).click();
  await saveScreenshot(page, 'devenv-template-form');
  await createFromTemplate(page);

  const openEnvironment = page.getByRole('link', {
    name: 'Open the environment',
  });
  await waitForTask(page, openEnvironment);
  await expect(
    page.getByText(new RegExp(`namespace\\s+${name}\\s`)).first(),
  ).toBeVisible();
  await saveScreenshot(page, 'devenv-template-done');

  // The Environments page lists it, ready, with its connect command.
  await page.goto('/devenv');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('ready');
  await expect(row).toContainText('dev-eu');
  await expect(row).toContainText(/expires in 7h5\dm/);
  await expect(row).toContainText(`/environments/dev-eu/${name}/kubeconfig`);
  await saveScreenshot(page, 'devenv-environments-page');

  // "Download kubeconfig" uses the browser's own session: no token to paste. The file it saves
  // connects as the environment: pods here, not elsewhere.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row
      .getByRole('button', { name: `Download kubeconfig of ${name} on dev-eu` })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${name}.dev-eu.kubeconfig.yaml`);
  const downloadedYaml = readFileSync(await download.path(), 'utf8');
  expect(downloadedYaml).toContain('kind: Config');
  expect(await mayCreatePods(downloadedYaml, name)).toBe(true);
  expect(await mayCreatePods(downloadedYaml, 'default')).toBe(false);

  // Connect with the kubeconfig the connect command fetches: pods here, not elsewhere.
  const token = await guestToken(request);
  const kubeconfig = await request.post(
    `/api/devenv/environments/dev-eu/${name}/kubeconfig?format=yaml`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(kubeconfig.ok()).toBe(true);
  const kubeconfigYaml = await kubeconfig.text();
  expect(await mayCreatePods(kubeconfigYaml, name)).toBe(true);
  expect(await mayCreatePods(kubeconfigYaml, 'default')).toBe(false);

  // The catalog has it as a Resource.
  await expect
    .poll(
      async () =>
        (
          await request.get(
            `/api/catalog/entities/by-name/resource/default/${name}.dev-eu`,
            { headers: { authorization: `Bearer ${token}` } },
          )
        ).status(),
      { timeout: 90_000, message: 'the environment Resource in the catalog' },
    )
    .toBe(200);

  // Its catalog page carries the environment card with the live state.
  await page.goto(`/catalog/default/resource/${name}.dev-eu`);
  await expect(page.getByText('Development environment').first()).toBeVisible();
  await expect(
    page.getByRole('button', { name: `Sleep ${name} on dev-eu` }),
  ).toBeVisible();
  await saveScreenshot(page, 'devenv-entity-card');

  // Search finds it once the environments collator has run.
  await expect(async () => {
    await page.goto(`/search?query=${name}`);
    await expect(
      page.getByRole('link', { name: `${name} (dev-eu)` }),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 120_000, intervals: [10_000] });
  await saveScreenshot(page, 'devenv-search');

  // Delete it from the Environments page, after confirming.
  await page.goto('/devenv');
  await page.getByRole('button', { name: `Delete ${name} on dev-eu` }).click();
  await page.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (
          await request.get(`/api/devenv/environments/dev-eu/${name}`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).status(),
      { timeout: 60_000 },
    )
    .toBe(404);
});

test('onboard-developer gives the guest a personal namespace and links the guide', async ({
  page,
  request,
}) => {
  const token = await guestToken(request);
  const headers = { authorization: `Bearer ${token}` };
  // Start clean: an earlier run may have left dev-guest behind.
  await request.delete('/api/devenv/environments/dev-eu/dev-guest', {
    headers,
  });
  await expect
    .poll(
      async () =>
        (
          await request.get('/api/devenv/environments/dev-eu/dev-guest', {
            headers,
          })
        ).status(),
      { timeout: 60_000 },
    )
    .toBe(404);

  try {
    await signInAsGuest(page);
    await page.goto(
      `/create/templates/default/onboard-developer?formData=${encodeURIComponent(
        JSON.stringify({ developer: 'user:default/guest' }),
      )}`,
    );
    await expect(page.getByText('Onboard a developer').first()).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    // Only development clusters are offered, so the picker selects dev-eu by itself.
    await expect(
      page.getByRole('button', { name: 'Shared development cluster' }),
    ).toContainText('dev-eu');
    await createFromTemplate(page);

    await waitForTask(
      page,
      page.getByRole('link', { name: 'Read the onboarding guide' }),
    );
    await expect(
      page.getByText(/Namespace\s+dev-guest\s/).first(),
    ).toBeVisible();
    await saveScreenshot(page, 'onboard-developer-done');

    const environment = await request.get(
      '/api/devenv/environments/dev-eu/dev-guest',
      { headers },
    );
    expect(await environment.json()).toMatchObject({
      owner: 'user:default/guest',
      class: 'namespace',
      status: 'ready',
      sleepSchedule: { sleepAt: '20:00', wakeAt: '07:00' },
    });

    await page.getByRole('link', { name: 'Read the onboarding guide' }).click();
    await expect(
      page.getByRole('heading', {
        name: 'Onboarding guide: your first day on the platform',
      }),
    ).toBeVisible({ timeout: 200_000 });
  } finally {
    await request.delete('/api/devenv/environments/dev-eu/dev-guest', {
      headers,
    });
  }
});

test('a template run for a name that is taken fails with a clear error and changes nothing', async ({
  request,
}) => {
  const name = `e2e-taken-${Date.now().toString(36)}`;
  const headers = { authorization: `Bearer ${await guestToken(request)}` };
  await createNamespaceEnvironment(request, headers, {
    name,
    owner: 'group:default/team-shop',
    ttl: '1h',
  });
  try {
    const task = await request.post('/api/scaffolder/v2/tasks', {
      headers,
      data: {
        templateRef: 'template:default/request-dev-environment',
        values: guestEnvironmentRequest(name),
      },
    });
    expect(task.status(), await task.text()).toBe(201);
    const { id } = await task.json();
    await expect
      .poll(
        async () =>
          (
            await (
              await request.get(`/api/scaffolder/v2/tasks/${id}`, { headers })
            ).json()
          ).status,
        { timeout: 60_000 },
      )
      .toBe('failed');
    const events = await (
      await request.get(`/api/scaffolder/v2/tasks/${id}/events`, { headers })
    ).json();
    const log = events
      .map((e: { body: { message?: string } }) => e.body.message ?? '')
      .join('\n');
    expect(log).toContain(
      `Environment "${name}" on cluster "dev-eu" already exists and is owned by group:default/team-shop`,
    );

    const environment = await (
      await request.get(`/api/devenv/environments/dev-eu/${name}`, { headers })
    ).json();
    expect(environment).toMatchObject({
      owner: 'group:default/team-shop',
      status: 'ready',
    });
  } finally {
    await request.delete(`/api/devenv/environments/dev-eu/${name}`, {
      headers,
    });
  }
});
