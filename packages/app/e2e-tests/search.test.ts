import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAsGuest } from './helpers';

// The workloads index is built by a scheduled collator shortly after the backend starts.
test.setTimeout(180_000);

test('searching for a cluster name finds checkout, with where it runs', async ({
  page,
}) => {
  await signInAsGuest(page);
  // The workload result links to the service's Clusters tab; the catalog's own result does not.
  const workloadResult = page.locator(
    'a[href$="/catalog/default/component/checkout/kubernetes-multicluster"]',
  );

  // Docs mention prod-us too; the Workloads filter narrows the results to running services.
  await expect(async () => {
    await page.goto('/search?query=prod-us');
    await page.getByRole('button', { name: /^Workloads/ }).click();
    await expect(workloadResult).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });

  await expect(workloadResult).toHaveText('checkout');
  const item = page
    .getByRole('listitem')
    .filter({ has: workloadResult })
    .last();
  await expect(item).toContainText(/Runs on .*prod-us/);
  await saveScreenshot(page, 'search-prod-us');

  await workloadResult.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout\/kubernetes-multicluster/,
  );
});
