import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The OIDC lane of ./scripts/test: only the `*.oidc.ts` tests, against a backend whose local
 * clusters are user-level (`.local-clusters/app-config.oidc-clusters.yaml`, see
 * docs/local-clusters.md). The main lane's default match (`*.test.ts`) never picks them up.
 */
export default defineConfig({
  ...base,
  testMatch: '**/*.oidc.ts',
  outputDir: 'test-results/playwright-oidc',
});
