import { test, expect } from '@playwright/test';
import { saveScreenshot, signInAsGuest } from './helpers';

test('a guest signs in, opens the catalog and the checkout entity page', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();
  const checkoutLink = page.getByRole('link', {
    name: 'checkout',
    exact: true,
  });
  await expect(checkoutLink).toBeVisible();
  await saveScreenshot(page, 'catalog');

  await checkoutLink.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout/);
  await expect(
    page.getByText('Takes the basket and turns it into an order.').first(),
  ).toBeVisible();
  await expect(page.getByText('Kubernetes across clusters')).toBeVisible();
  await saveScreenshot(page, 'checkout-entity-page');
});
