import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './packages/app/e2e-tests/chromiumLaunchOptions';

/**
 * Browser end-to-end tests, run by ./scripts/test against the demo backend that serves the built
 * frontend on :7007. They drive Debian's Chromium: Playwright's own browser download does not work
 * on machines without internet access.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  // No test may pass by a retry: a slow first render waits for its condition instead, and
  // ./scripts/test counts a test that passed only on a retry (status "flaky") as failed.
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    trace: 'off',
    viewport: { width: 1280, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
});
