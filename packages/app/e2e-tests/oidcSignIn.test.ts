import { test, expect, Page } from '@playwright/test';
import { saveScreenshot } from './helpers';

/**
 * Sign-in through the local OpenID Connect issuer that `yarn clusters up` runs: the sign-in
 * page offers it next to guest, the issuer's own page signs alice in, and the auth backend's
 * `oidc` provider resolves her to the catalog user by email.
 */

// The issuer's TLS certificate comes from a CA generated on this machine.
test.use({ ignoreHTTPSErrors: true });

async function signInAtIssuer(page: Page, button: RegExp) {
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
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test('alice signs in through the local OIDC issuer and is user:default/alice', async ({
  page,
}) => {
  await signInAtIssuer(page, /Sign in as Alice Example/);

  // The auth backend's session for the oidc provider: her catalog identity and her ID token.
  const refresh = await page.request.get(
    '/api/auth/oidc/refresh?optional&env=development',
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  expect(refresh.ok()).toBe(true);
  const session = await refresh.json();
  expect(session.backstageIdentity.identity.userEntityRef).toBe(
    'user:default/alice',
  );
  expect(session.profile.email).toBe('alice@example.com');
  const idToken = JSON.parse(
    Buffer.from(
      session.providerInfo.idToken.split('.')[1],
      'base64url',
    ).toString(),
  );
  expect(idToken).toMatchObject({ sub: 'alice', email: 'alice@example.com' });

  // The app knows her as her catalog user.
  await page.goto('/settings');
  await expect(page.getByText('Alice Example').first()).toBeVisible();
  await expect(page.getByText('alice@example.com').first()).toBeVisible();
  await saveScreenshot(page, 'oidc-signed-in-alice');
});
