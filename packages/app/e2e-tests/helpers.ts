import { APIRequestContext, Locator, Page, expect } from '@playwright/test';

/** Signed in, the app shows its sidebar with the Catalog link. */
async function expectSignedIn(page: Page) {
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** Signs in as the guest user through the sign-in page's "Enter" button. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expectSignedIn(page);
}

/** Saves a full-page screenshot under test-results/screenshots/. */
export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: `test-results/screenshots/${name}.png`,
    fullPage: true,
  });
}

/** A backend token for the guest user, for API calls next to the browser. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/auth/guest/refresh');
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}

/**
 * Creates a namespace environment on dev-eu through the environment API, with `headers`; the
 * guest owns it unless `owner` names another.
 */
export async function createNamespaceEnvironment(
  request: APIRequestContext,
  headers: Record<string, string>,
  {
    name,
    ttl,
    owner = 'user:default/guest',
  }: { name: string; ttl: string; owner?: string },
) {
  const created = await request.post('/api/devenv/environments', {
    headers,
    data: { name, owner, cluster: 'dev-eu', class: 'namespace', ttl },
  });
  expect(created.status(), await created.text()).toBe(201);
}

/** What the guest fills into the request-dev-environment form for a small namespace. */
export function guestEnvironmentRequest(name: string) {
  return {
    name,
    owner: 'user:default/guest',
    cluster: 'dev-eu',
    class: 'namespace',
    size: 'small',
    ttl: '8h',
    installInfra: false,
  };
}

/**
 * Signs in through the local OpenID Connect issuer that `yarn clusters up` runs: the sign-in
 * page's "Local OIDC issuer" card opens the issuer's page in a popup, where `button` (e.g.
 * /Sign in as Alice Example/) picks the user. Needs `test.use({ ignoreHTTPSErrors: true })`:
 * the issuer's certificate comes from a CA generated on this machine.
 */
export async function signInAtIssuer(page: Page, button: RegExp) {
  await page.goto('/');
  const card = page.getByText('Local OIDC issuer');
  await expect(card).toBeVisible();
  await saveScreenshot(page, 'oidc-sign-in-page');
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign In' }).click();
  const popup = await popupOpened;
  await expect(
    popup.getByRole('heading', { name: 'Kubeplatform local OIDC issuer' }),
  ).toBeVisible();
  await saveScreenshot(popup, 'oidc-issuer-login');
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: button }).click();
  await closed;
  await expectSignedIn(page);
}

/** Signs in as the guest and opens the catalog page of the component `name`, or its `tab`. */
export async function openComponent(page: Page, name: string, tab?: string) {
  await signInAsGuest(page);
  await page.goto(`/catalog/default/component/${name}${tab ? `/${tab}` : ''}`);
}

/** Signs in as the guest and opens the service's multi-cluster tab, once its matrix shows. */
export async function openMulticlusterTab(page: Page, service: string) {
  await openComponent(page, service, 'kubernetes-multicluster');
  await expect(
    page.getByRole('grid', { name: 'Workloads by cluster' }),
  ).toBeVisible();
}

/** On the multi-cluster tab: opens the drawer of `workload` in `cluster` by clicking its cell. */
export async function openDrawerFromMatrix(
  page: Page,
  workload: string,
  cluster: string,
): Promise<Locator> {
  await page
    .getByRole('grid', { name: 'Workloads by cluster' })
    .getByTestId(`cell-${workload}-${cluster}`)
    .click();
  const drawer = page.getByTestId('workload-drawer');
  await expect(drawer).toBeVisible();
  return drawer;
}

/**
 * Signs in as the guest, opens the service's multi-cluster tab and the drawer of `workload` in
 * `cluster` by clicking its cell in the matrix.
 */
export async function openWorkloadDrawer(
  page: Page,
  workload: string,
  cluster: string,
): Promise<Locator> {
  await openMulticlusterTab(page, workload);
  return openDrawerFromMatrix(page, workload, cluster);
}
