import { expect, test } from '@playwright/test';
import {
  openComponent,
  openDrawerFromMatrix,
  openMulticlusterTab,
  saveScreenshot,
} from './helpers';
import { kubectl } from './localClusters';

/**
 * Issue 13 (#3, #8) against ./scripts/start's app and the real local clusters: checkout
 * crash-loops in prod-us, so its pods are one grouped problem and its Service has no ready
 * endpoints; the drawer shows the network and quota panels. A ResourceQuota that is full from
 * the start (zero PersistentVolumeClaims, which the demo never creates) is added for the test
 * and removed after it.
 */

const quotaName = 'e2e-no-volume-claims';

test("checkout's crashing pods in prod-us are one group; the drawer shows network and quotas", async ({
  page,
}) => {
  kubectl(
    'prod-us',
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: quotaName, namespace: 'shop' },
      spec: { hard: { persistentvolumeclaims: '0' } },
    }),
  );
  try {
    await openMulticlusterTab(page, 'checkout');

    // One group for the crash, however many pods crash; the pods are inside it.
    const group = page
      .getByTestId('problem-group')
      .filter({ hasText: 'of checkout in prod-us: CrashLoopBackOff, exit 1' });
    await expect(group).toHaveCount(1);
    const title = (await group
      .getByTestId('problem-group-title')
      .textContent())!;
    const [, crashing, total] =
      /^(\d+) of (\d+) pods of checkout in prod-us: CrashLoopBackOff, exit 1$/.exec(
        title,
      )!;
    // Every pod of checkout in prod-us crashes.
    expect(crashing).toBe(total);
    await expect(group.getByTestId('problem')).toHaveCount(Number(crashing));
    await expect(group.getByTestId('problem').first()).toContainText(
      'CrashLoopBackOff',
    );
    await saveScreenshot(page, 'multicluster-tab-grouped-problems');

    const drawer = await openDrawerFromMatrix(page, 'checkout', 'prod-us');
    await expect(
      drawer
        .getByTestId('problem-group-title')
        .filter({ hasText: 'of checkout in prod-us: CrashLoopBackOff' }),
    ).toHaveCount(1);

    await expect(
      drawer.getByRole('heading', { name: 'Network' }),
    ).toBeVisible();
    const service = drawer
      .getByTestId('service-row')
      .filter({ hasText: 'checkout' });
    await expect(service).toContainText('ClusterIP');
    await expect(service.getByTestId('service-endpoints')).toHaveText(
      /^0\/\d+ ready$/,
    );
    await expect(service).toContainText('Error');
    const host = drawer.getByRole('link', {
      name: 'checkout.prod-us.kubeplatform.local/',
    });
    await expect(host).toHaveAttribute(
      'href',
      'http://checkout.prod-us.kubeplatform.local/',
    );
    await expect(drawer.getByTestId('ingress-row')).toContainText(
      'checkout:80',
    );

    await expect(drawer.getByRole('heading', { name: 'Quotas' })).toBeVisible();
    const quota = drawer.getByRole('table', {
      name: `ResourceQuota ${quotaName}`,
    });
    await expect(quota).toContainText('persistentvolumeclaims');
    await expect(quota).toContainText('0 / 0 — at limit');
    await saveScreenshot(page, 'multicluster-drawer-network-quotas');
  } finally {
    kubectl('prod-us', [
      '-n',
      'shop',
      'delete',
      'resourcequota',
      quotaName,
      '--ignore-not-found',
    ]);
  }
});

test("the multi-cluster card is the first card of checkout's Overview", async ({
  page,
}) => {
  await openComponent(page, 'checkout');
  const multicluster = page.getByText('Kubernetes across clusters');
  const providedApis = page.getByText('Provided APIs');
  await expect(multicluster).toBeVisible();
  await expect(providedApis).toBeVisible();
  const top = async (l: typeof multicluster) => (await l.boundingBox())!.y;
  expect(await top(multicluster)).toBeLessThan(await top(providedApis));
  await saveScreenshot(page, 'multicluster-card-first-on-overview');
});
