/**
 * The query of a pod terminal on the checkout container of checkout's pod `checkout-1` in
 * prod-us's shop namespace; `overrides` replace fields.
 */
export const execQuery = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    entity: 'component:default/checkout',
    cluster: 'prod-us',
    namespace: 'shop',
    pod: 'checkout-1',
    container: 'checkout',
    ...overrides,
  });
