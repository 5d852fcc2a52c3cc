import { Locator, Page, expect, test } from '@playwright/test';
import { openWorkloadDrawer, saveScreenshot } from './helpers';
import { kubectl } from './localClusters';

/**
 * Issue 13's safe actions in the drawer, against ./scripts/start's app and the real local
 * clusters: the demo backend's service account may patch and scale workloads in the demo
 * namespaces. The target is search in dev-eu: healthy, and its pods use 70 % of their CPU
 * request, exactly its HPA's target, so the HPA keeps whatever count (within its bounds) a scale
 * sets; no other browser test counts its replicas. It ends at the replica count it started with.
 */

const CLUSTER = 'dev-eu';
const WORKLOAD = 'search';
const NAMESPACE = 'discovery';

const deployment = ['-n', NAMESPACE, `deployment/${WORKLOAD}`];

/** The replica count the Deployment's spec asks for, as the cluster has it. */
function specReplicas(): string {
  return kubectl(CLUSTER, [
    'get',
    ...deployment,
    '-o',
    'jsonpath={.spec.replicas}',
  ]);
}

const what = `Deployment ${WORKLOAD} in ${CLUSTER}`;

/** The drawer header's "ready/desired ready" line (the Service's endpoints read alike). */
function replicasLine(
  drawer: Locator,
  ready: number | string,
  desired: number,
) {
  return drawer
    .getByRole('paragraph')
    .filter({ hasText: new RegExp(`^${ready}/${desired} ready$`) });
}

async function openDrawer(page: Page): Promise<Locator> {
  const drawer = await openWorkloadDrawer(page, WORKLOAD, CLUSTER);
  await expect(drawer.getByTestId('workload-actions')).toBeVisible();
  return drawer;
}

/** Scales through the drawer's confirmed dialog and waits for the success message. */
async function scaleTo(page: Page, drawer: Locator, replicas: number) {
  await drawer
    .getByTestId('workload-actions')
    .getByRole('button', { name: 'Scale', exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: `Scale ${what}` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Replicas').fill(String(replicas));
  await dialog.getByRole('button', { name: 'Scale', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    drawer
      .getByRole('alert')
      .filter({ hasText: `${what} scaled to ${replicas} replicas.` }),
  ).toBeVisible();
}

test('scale a Deployment up and back from the drawer; the drawer and the matrix follow', async ({
  page,
}) => {
  const before = Number(specReplicas());
  const drawer = await openDrawer(page);
  const cell = page.getByTestId(`cell-${WORKLOAD}-${CLUSTER}`);
  await expect(replicasLine(drawer, '\\d+', before)).toBeVisible();
  try {
    await scaleTo(page, drawer, before + 1);
    // The watch brings the new count to the view, then the drawer reloads with it.
    await expect(replicasLine(drawer, before + 1, before + 1)).toBeVisible();
    await expect(cell).toHaveAttribute(
      'aria-label',
      new RegExp(`, ${before + 1} of ${before + 1} ready`),
    );
    expect(specReplicas()).toBe(String(before + 1));
    await saveScreenshot(page, 'multicluster-action-scaled');

    await scaleTo(page, drawer, before);
    await expect(replicasLine(drawer, before, before)).toBeVisible();
    await expect(cell).toHaveAttribute(
      'aria-label',
      new RegExp(`, ${before} of ${before} ready`),
    );
  } finally {
    kubectl(CLUSTER, ['scale', ...deployment, `--replicas=${before}`]);
  }
});

test('restart a Deployment from the drawer: every pod is replaced', async ({
  page,
}) => {
  const drawer = await openDrawer(page);
  await drawer.getByRole('tab', { name: /^Pods \(\d+\)$/ }).click();
  const rows = drawer.getByTestId('pod-row');
  await expect(rows.first()).toBeVisible();
  const podNames = async () =>
    (await rows.locator('th').allTextContents()).map(n => n.trim()).sort();
  const before = await podNames();

  await drawer
    .getByTestId('workload-actions')
    .getByRole('button', { name: 'Restart', exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: `Restart ${what}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    drawer.getByRole('alert').filter({
      hasText: `Restart of ${what} requested; its pods are being replaced.`,
    }),
  ).toBeVisible();

  // The rollout replaces the pods one by one; the watch brings each step to the drawer.
  await expect
    .poll(
      async () => {
        const now = await podNames();
        return (
          now.length === before.length && now.every(n => !before.includes(n))
        );
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await expect(
    replicasLine(drawer, before.length, before.length),
  ).toBeVisible();
  await saveScreenshot(page, 'multicluster-action-restarted');
});
