import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAsGuest } from './helpers';

// TechDocs builds the site with mkdocs on first view.
test.setTimeout(240_000);

test('the suite’s docs open in the app, with the onboarding guide', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/docs/default/system/kubeplatform/');
  await expect(
    page.getByRole('heading', { name: 'Kubeplatform', exact: true }).first(),
  ).toBeVisible({ timeout: 200_000 });
  await saveScreenshot(page, 'docs-home');

  await page.goto('/docs/default/system/kubeplatform/onboarding/');
  await expect(
    page.getByRole('heading', {
      name: 'Onboarding guide: your first day on the platform',
    }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('heading', { name: 'Kubernetes in one minute' }),
  ).toBeVisible();
  await saveScreenshot(page, 'docs-onboarding');
});
