import { test, expect } from '@playwright/test';
import { saveScreenshot, signInAtIssuer } from './helpers';

/**
 * Sign-in through the local OpenID Connect issuer that `yarn clusters up` runs: the sign-in
 * page offers it next to guest, the issuer's own page signs alice in, and the auth backend's
 * `oidc` provider resolves her to the catalog user by email.
 */

// The issuer's TLS certificate comes from a CA generated on this machine.
test.use({ ignoreHTTPSErrors: true });

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
