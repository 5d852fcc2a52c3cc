import { test, expect, Page } from '@playwright/test';
import { saveScreenshot, signInAsGuest, signInAtIssuer } from './helpers';

/**
 * The OIDC lane (./scripts/test runs it on a second backend; playwright.oidc.config.ts): the
 * local clusters are user-level clusters there (`authProvider: oidc`,
 * .local-clusters/app-config.oidc-clusters.yaml). The watch cache reads them with a service
 * account; the browser sends the signed-in user's ID token from the local issuer, and the real
 * API servers decide, through each user's own RBAC, what they see: alice may read the demo
 * namespaces in dev-eu and prod-us, bob only in dev-eu.
 */

// The issuer's TLS certificate comes from a CA generated on this machine.
test.use({ ignoreHTTPSErrors: true });

const TOKEN_HEADER = 'backstage-kubernetes-authorization-oidc-oidc';

/** Which multicluster requests carried the viewer's token header (never its value). */
function recordTokenHeaders(page: Page) {
  const requests: Array<{ path: string; withToken: boolean }> = [];
  page.on('request', request => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/multicluster/')) return;
    const header = request.headers()[TOKEN_HEADER];
    requests.push({
      path: url.pathname,
      withToken: /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/.test(header ?? ''),
    });
  });
  return requests;
}

const matrix = (page: Page) =>
  page.getByRole('grid', { name: 'Workloads by cluster' });

async function openCheckoutMatrix(page: Page) {
  await page.goto(
    '/catalog/default/component/checkout/kubernetes-multicluster',
  );
  await expect(matrix(page)).toBeVisible();
}

test('alice sees checkout in prod-us and dev-eu, read with her own credentials', async ({
  page,
}) => {
  const requests = recordTokenHeaders(page);
  await signInAtIssuer(page, /Sign in as Alice Example/);
  await openCheckoutMatrix(page);

  for (const cluster of ['prod-us', 'dev-eu']) {
    await expect(
      matrix(page).getByTestId(`cell-checkout-${cluster}`),
    ).toBeVisible();
    const mode = page.getByTestId(`auth-mode-${cluster}`);
    await expect(mode).toHaveText('Your credentials');
    await expect(mode).toHaveAttribute(
      'aria-label',
      /Read with your own credentials \(oidc \(oidc\)\)/,
    );
  }
  await saveScreenshot(page, 'oidc-clusters-alice-matrix');

  // Her pods in prod-us, in the drawer: the detail is read with her token too.
  await matrix(page).getByTestId('cell-checkout-prod-us').click();
  const drawer = page.getByTestId('workload-drawer');
  await drawer.getByRole('tab', { name: /^Pods \(\d+\)$/ }).click();
  await expect(drawer.getByTestId('pod-row').first()).toBeVisible();
  await saveScreenshot(page, 'oidc-clusters-alice-drawer');

  // The live view learned from its first answer that the clusters need her oidc token, and
  // streams with it since; the drawer's detail carried it from the start.
  expect(
    requests.some(r => r.path.endsWith('/checkout/stream') && r.withToken),
  ).toBe(true);
  const details = requests.filter(r => r.path.includes('/clusters/prod-us/'));
  expect(details.length).toBeGreaterThan(0);
  expect(details.every(r => r.withToken)).toBe(true);
});

test('bob sees prod-us as forbidden for him and checkout in dev-eu', async ({
  page,
}) => {
  await signInAtIssuer(page, /Sign in as Bob Example/);
  await openCheckoutMatrix(page);

  await expect(matrix(page).getByTestId('cell-checkout-dev-eu')).toBeVisible();
  const prodHeader = page
    .getByRole('columnheader')
    .filter({ has: page.getByTestId('auth-mode-prod-us') });
  await expect(prodHeader).toContainText('Forbidden');
  await expect(prodHeader.getByLabel(/^Forbidden: /)).toHaveAttribute(
    'aria-label',
    /your credentials may not read this in cluster 'prod-us'/,
  );
  // No workload of his in prod-us: the cell says why, and there is nothing to open.
  await expect(matrix(page).getByLabel('Forbidden in prod-us')).toBeVisible();
  await expect(matrix(page).getByTestId('cell-checkout-prod-us')).toHaveCount(
    0,
  );
  await saveScreenshot(page, 'oidc-clusters-bob-matrix');

  // The overview card says the same.
  await page.goto('/catalog/default/component/checkout');
  await expect(
    page.getByTestId('cluster-row-prod-us').getByTestId('cluster-badge'),
  ).toHaveText('Forbidden');
  await expect(
    page.getByTestId('cluster-row-dev-eu').getByTestId('cluster-badge'),
  ).not.toHaveText(/Forbidden|Unauthorized/);
  await saveScreenshot(page, 'oidc-clusters-bob-card');
});

test('a guest has no OIDC session: nothing is sent and both clusters say why they are unauthorized', async ({
  page,
}) => {
  const requests = recordTokenHeaders(page);
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout');
  for (const cluster of ['prod-us', 'dev-eu']) {
    const badge = page
      .getByTestId(`cluster-row-${cluster}`)
      .getByTestId('cluster-badge');
    await expect(badge).toHaveText('Unauthorized');
    await expect(badge).toHaveAttribute(
      'aria-label',
      /no oidc \(oidc\) token was sent .*sign in with that provider/,
    );
  }
  await saveScreenshot(page, 'oidc-clusters-guest-card');
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter(r => r.withToken)).toEqual([]);
});
