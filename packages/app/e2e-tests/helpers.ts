import { APIRequestContext, Page, expect } from '@playwright/test';

/** Signs in as the guest user through the sign-in page's "Enter" button. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
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
