import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAsGuest } from './helpers';

// The workloads index is built by a scheduled collator shortly after the backend starts.
test.setTimeout(180_000);

test('searching for a cluster name finds checkout, with where it runs', async ({
  page,
}) => {
  await signInAsGuest(page);

  await expect(async () => {
    await page.goto('/search?query=prod-us');
    await expect(
      page.getByRole('link', { name: 'checkout', exact: true }),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });

  const result = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'checkout', exact: true }) });
  await expect(result).toContainText(/Runs on .*prod-us/);
  await expect(page.getByText('Workloads').first()).toBeVisible();
  await saveScreenshot(page, 'search-prod-us');

  await page.getByRole('link', { name: 'checkout', exact: true }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout\/kubernetes-multicluster/,
  );
});
