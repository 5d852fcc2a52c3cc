import { Page, expect, test } from '@playwright/test';
import {
  openComponent,
  openWorkloadDrawer,
  saveScreenshot,
  signInAsGuest,
} from './helpers';
import { kubectl } from './localClusters';

/**
 * The multi-cluster service view against ./scripts/start's app and the real local clusters
 * (dev-eu and prod-us, seeded with the demo fleet's troubles: checkout crash-loops in prod-us,
 * its HPA is at max there, and dev-eu runs checkout 1.5.0 while prod-us runs 1.4.2).
 */

function clusterRow(page: Page, cluster: string) {
  return page.getByTestId(`cluster-row-${cluster}`);
}

test('checkout card: both clusters, the crash loop with its fix, HPA at max, image drift', async ({
  page,
}) => {
  await openComponent(page, 'checkout');
  await expect(page.getByText('Kubernetes across clusters')).toBeVisible();

  const prod = clusterRow(page, 'prod-us');
  const dev = clusterRow(page, 'dev-eu');
  await expect(prod).toBeVisible();
  await expect(dev).toBeVisible();
  await expect(prod.getByTestId('cluster-badge')).toHaveText('Error');
  await expect(page.getByTestId('last-updated')).toContainText('Live');

  // The HPA is at its maximum in prod-us.
  await expect(prod.getByTestId('headroom-bar')).toHaveAttribute(
    'data-level',
    'atMax',
  );
  await expect(prod.getByTestId('headroom-bar')).toContainText('at max');

  // The image drift: the odd tag is highlighted in both rows (two clusters disagree).
  await expect(dev.getByTestId('image-tag-drift')).toContainText('1.5.0');
  await expect(prod.getByTestId('image-tag-drift')).toContainText('1.4.2');

  // The top problem is the crash loop (a cause ranks above the replicas it leaves missing);
  // hovering it shows the suggested fix.
  const crash = prod.getByLabel(/^CrashLoopBackOff: /);
  await expect(crash).toHaveAttribute('aria-label', /Fix: .*--previous/);
  await crash.hover();
  await expect(page.getByRole('tooltip')).toContainText('--previous');
  await saveScreenshot(page, 'multicluster-card-checkout');

  await page.goto(
    '/catalog/default/component/checkout/kubernetes-multicluster',
  );
  const listed = page
    .getByTestId('problem')
    .filter({ hasText: 'CrashLoopBackOff' })
    .first();
  await expect(listed).toBeVisible();
  await expect(listed.getByTestId('problem-fix')).toContainText('--previous');
  await saveScreenshot(page, 'multicluster-tab-checkout');
});

test('a matrix cell opens the drawer with pods and logs', async ({ page }) => {
  const drawer = await openWorkloadDrawer(page, 'checkout', 'prod-us');
  await expect(drawer.getByTestId('kubectl-commands')).toContainText('prod-us');
  await drawer.getByRole('tab', { name: /^Pods \(\d+\)$/ }).click();
  const firstPod = drawer.getByTestId('pod-row').first();
  await expect(firstPod).toBeVisible();
  // The crash-looping pod sorts first.
  await expect(firstPod).toContainText('CrashLoopBackOff');
  await saveScreenshot(page, 'multicluster-drawer-pods');

  await firstPod.getByRole('button', { name: /^Logs of / }).click();
  await expect(drawer.getByTestId('pod-logs')).toBeVisible();
  await expect(
    drawer.getByTestId('log-text').or(drawer.getByTestId('log-empty')),
  ).toBeVisible();
  await saveScreenshot(page, 'multicluster-drawer-logs');
});

test('after kubectl scale on the real cluster, the card changes without a reload', async ({
  page,
}) => {
  const context = 'prod-us';
  const target = ['-n', 'shop', 'deployment/catalog-api'];
  const before = Number(
    kubectl(context, ['get', ...target, '-o', 'jsonpath={.spec.replicas}']),
  );
  await openComponent(page, 'catalog-api');
  const row = clusterRow(page, context);
  const readyCell = row.getByLabel(/replicas ready$/);
  await expect(readyCell).toBeVisible();
  const label = (await readyCell.getAttribute('aria-label'))!;
  const desiredBefore = Number(/of (\d+) replicas/.exec(label)![1]);

  // A marker that survives only if the page is not reloaded.
  await page.evaluate(() => {
    (window as any).__noReload = true;
  });
  try {
    kubectl(context, ['scale', ...target, `--replicas=${before + 1}`]);
    await expect(row.getByLabel(/replicas ready$/)).toHaveAttribute(
      'aria-label',
      new RegExp(`of ${desiredBefore + 1} replicas ready$`),
      { timeout: 30_000 },
    );
    expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
    await saveScreenshot(page, 'multicluster-card-after-scale');
  } finally {
    kubectl(context, ['scale', ...target, `--replicas=${before}`]);
  }
});

test('the group page shows the team card', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/group/team-shop');
  await expect(page.getByText('Services on Kubernetes')).toBeVisible();
  const checkout = page.getByTestId('owned-component:default/checkout');
  await expect(checkout).toBeVisible();
  await expect(checkout).toContainText('prod-us: Error');
  await saveScreenshot(page, 'multicluster-team-card');
});
