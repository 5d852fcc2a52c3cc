import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { guestToken, openWorkloadDrawer, saveScreenshot } from './helpers';

/**
 * Issue 13's CPU and memory, against ./scripts/start's app and the real local clusters, where
 * metrics-server (built from its Go module) reads kwok's emulated usage: every checkout pod uses
 * 250m CPU against a 100m request and 180 MiB against a 128 MiB request and a 256 MiB limit; every
 * notifications pod in prod-us holds 236 MiB of its 256 MiB limit (MemoryNearLimit). See
 * packages/local-clusters/src/demo/resourceUsage.ts.
 */

// metrics-server and the backend need up to two minutes before every pod has figures.
test.setTimeout(180_000);

/** A Deployment of the demo fleet in one cluster, whose figures a test checks. */
interface Deployment {
  cluster: string;
  namespace: string;
  workload: string;
}

const checkout: Deployment = {
  cluster: 'dev-eu',
  namespace: 'shop',
  workload: 'checkout',
};
const notifications: Deployment = {
  cluster: 'prod-us',
  namespace: 'discovery',
  workload: 'notifications',
};

/**
 * Opens the Deployment's drawer; returns it and its usage panel. The drawer only shows figures
 * once the backend has fetched them from the cluster, so this waits for that first.
 */
async function metricsDrawer(
  page: Page,
  request: APIRequestContext,
  { cluster, namespace, workload }: Deployment,
) {
  const headers = { authorization: `Bearer ${await guestToken(request)}` };
  const url = `/api/multicluster/entities/component/default/${workload}/clusters/${cluster}/workloads/Deployment/${namespace}/${workload}`;
  await expect
    .poll(
      async () => {
        const response = await request.get(url, { headers });
        expect(response.status()).toBe(200);
        const detail = await response.json();
        const usage = detail.workload.usage;
        return detail.metrics?.state === 'ok' &&
          usage?.podsWithMetrics === usage?.pods
          ? 'every pod has figures'
          : `metrics ${detail.metrics?.state}, ${usage?.podsWithMetrics} of ${usage?.pods} pods`;
      },
      // metrics-server scrapes every 15 s and the backend fetches every 30 s.
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe('every pod has figures');
  const drawer = await openWorkloadDrawer(page, workload, cluster);
  return { drawer, usage: drawer.getByTestId('workload-usage') };
}

test('checkout: the drawer shows CPU and memory against requests and limits, for the workload and each pod', async ({
  page,
  request,
}) => {
  const { drawer, usage } = await metricsDrawer(page, request, checkout);

  // The workload's sums: usage over the same pods' requests and limits.
  await expect(usage).toBeVisible();
  const cpu = usage.getByRole('meter', { name: /^CPU .+: 250% of requests / });
  await expect(cpu).toHaveAttribute('data-tone', 'warning');
  await expect(cpu).toHaveAttribute('aria-valuenow', '100');
  await expect(
    usage.getByRole('meter', { name: /^Memory .+: 141% of requests / }),
  ).toBeVisible();
  const memoryLimit = usage.getByRole('meter', {
    name: /^Memory .+: 70% of limits /,
  });
  await expect(memoryLimit).toHaveAttribute('data-tone', 'ok');
  await expect(usage).toContainText(/from (\d+) of \1 pods/);
  await expect(usage.getByRole('note')).toHaveCount(0);

  // Each pod: the figure, then bars against its own request and limit, as upstream shows them.
  await drawer.getByRole('tab', { name: /^Pods \(\d+\)$/ }).click();
  const firstPod = drawer.getByTestId('pod-row').first();
  await expect(firstPod).toBeVisible();
  await expect(
    firstPod.getByRole('meter', { name: 'CPU 250m: 250% of request 100m' }),
  ).toBeVisible();
  await expect(
    firstPod.getByRole('meter', {
      name: 'Memory 180 MiB: 141% of request 128 MiB',
    }),
  ).toBeVisible();
  await expect(
    firstPod.getByRole('meter', {
      name: 'Memory 180 MiB: 70% of limit 256 MiB',
    }),
  ).toBeVisible();
  await expect(firstPod.getByTestId('usage-meters')).toHaveCount(2);
  await saveScreenshot(page, 'multicluster-metrics-checkout-pods');
});

test('notifications in prod-us: memory near its limit is red and raised as MemoryNearLimit with the fix', async ({
  page,
  request,
}) => {
  const { drawer, usage } = await metricsDrawer(page, request, notifications);

  await expect(
    usage.getByRole('meter', { name: /^Memory .+: 92% of limits / }),
  ).toHaveAttribute('data-tone', 'error');
  // Idle CPU: 2m of a 100m request per pod.
  await expect(
    usage.getByRole('meter', { name: /^CPU .+: 2% of requests / }),
  ).toHaveAttribute('data-tone', 'ok');

  const problem = drawer
    .getByTestId('problem')
    .filter({ hasText: 'MemoryNearLimit' })
    .first();
  await expect(problem).toContainText(
    'uses 236 MiB of its 256 MiB memory limit (92 %)',
  );
  await expect(problem.getByTestId('problem-fix')).toContainText(
    'kubectl top pod -n discovery notifications-',
  );
  await saveScreenshot(page, 'multicluster-metrics-notifications-near-limit');
});
