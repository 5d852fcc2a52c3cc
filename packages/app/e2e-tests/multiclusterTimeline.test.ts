import { expect, Locator, test } from '@playwright/test';
import { openComponent, openWorkloadDrawer, saveScreenshot } from './helpers';
import { kubectl } from './localClusters';

/**
 * Issue 13 (#4) against ./scripts/start's app and the real local clusters: checkout runs two
 * versions, 1.5.0 in dev-eu and 1.4.2 (crash-looping) in prod-us. The Timeline tab and the
 * drawer's Timeline show which version reached which cluster, and filter by cluster and type.
 */

/** The image checkout runs in a cluster, as the cluster itself reports it. */
function checkoutImage(context: string): string {
  return kubectl(context, [
    '-n',
    'shop',
    'get',
    'deployment',
    'checkout',
    '-o',
    'jsonpath={.spec.template.spec.containers[0].image}',
  ]);
}

const tagOf = (image: string) => image.slice(image.lastIndexOf(':') + 1);

async function expectBothVersions(timeline: Locator) {
  const devEu = tagOf(checkoutImage('dev-eu'));
  const prodUs = tagOf(checkoutImage('prod-us'));
  expect(devEu).not.toBe(prodUs);
  const versions = timeline.getByTestId('rollout-summary');
  await expect(versions).toContainText(`${devEu} reached dev-eu`);
  await expect(versions).toContainText(`${prodUs} reached prod-us`);
  const entries = timeline.getByTestId('timeline-entries');
  await expect(
    entries.locator('li[data-type="rollout"][data-cluster="dev-eu"]'),
  ).toContainText(`kubeplatform-demo/checkout:${devEu}`);
  await expect(
    entries.locator('li[data-type="rollout"][data-cluster="prod-us"]'),
  ).toContainText(`kubeplatform-demo/checkout:${prodUs}`);
  return { devEu, prodUs };
}

async function filterProdUsRollouts(timeline: Locator) {
  await timeline
    .getByRole('combobox', { name: 'Cluster' })
    .selectOption('prod-us');
  await timeline
    .getByRole('group', { name: 'Types' })
    .getByRole('button', { name: 'Rollout', exact: true })
    .click();
  const entries = timeline
    .getByTestId('timeline-entries')
    .getByRole('listitem');
  await expect(entries.first()).toHaveAttribute('data-cluster', 'prod-us');
  await expect(
    timeline.locator('li[data-cluster="dev-eu"], li[data-type="restart"]'),
  ).toHaveCount(0);
}

test("checkout's Timeline tab shows its two versions with both clusters, filterable", async ({
  page,
}) => {
  await openComponent(page, 'checkout', 'kubernetes-timeline');
  const timeline = page.getByTestId('multicluster-timeline');
  await expect(timeline).toBeVisible();
  const { prodUs } = await expectBothVersions(timeline);
  // prod-us's crash loop is on the timeline as restarts, marked as warnings.
  await expect(
    timeline.locator('li[data-type="restart"][data-cluster="prod-us"]').first(),
  ).toContainText('Warning');
  await saveScreenshot(page, 'multicluster-timeline-tab');

  await filterProdUsRollouts(timeline);
  const versions = timeline.getByTestId('rollout-summary');
  await expect(versions).toContainText(`${prodUs} reached prod-us`);
  await expect(versions).not.toContainText('dev-eu');
  await saveScreenshot(page, 'multicluster-timeline-tab-filtered');
});

test("the drawer's Timeline tab shows checkout's versions in both clusters", async ({
  page,
}) => {
  const drawer = await openWorkloadDrawer(page, 'checkout', 'dev-eu');
  await drawer.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = drawer.getByTestId('multicluster-timeline');
  await expect(timeline).toBeVisible();
  await expectBothVersions(timeline);
  await saveScreenshot(page, 'multicluster-drawer-timeline');
  await filterProdUsRollouts(timeline);
});
