import type { Browser } from 'playwright-core';
import {
  bundleForBrowser,
  chromiumLaunchOptions,
} from '../../shared/browserBundle';
import { ensureChromium } from '../../shared/prerequisites';

/** The replica count a matrix cell shows (`<status> · <ready>/<desired>`), and when. */
export interface SeenCell {
  desired: number;
  at: number;
}

/**
 * Headless Chromium showing the multicluster tab of one entity, served from the backend under
 * test (same origin, so the plugin's client talks to it as the app does); reports every change of
 * one matrix cell's text with the time the page's MutationObserver saw it.
 */
export async function openChromiumMatrix(options: {
  apiUrl: string;
  entityName: string;
  cellTestId: string;
  onCell(cell: SeenCell): void;
}): Promise<{ close(): Promise<void> }> {
  const code = await bundleForBrowser(
    'src/live/ui/liveMatrix.tsx',
    'liveBench',
  );
  ensureChromium();
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
    });
    const origin = new URL(options.apiUrl).origin;
    await page.route(`${origin}/`, route =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html><body></body></html>',
      }),
    );
    await page.exposeFunction('reportCell', (text: string, at: number) => {
      const match = /(\d+)\/(\d+)\s*$/.exec(text);
      if (match) options.onCell({ desired: Number(match[2]), at });
    });
    await page.goto(`${origin}/`);
    await page.addScriptTag({ content: code });
    await page.evaluate(o => window.liveBench.mount(o), {
      entityName: options.entityName,
      cellTestId: options.cellTestId,
    });
    return { close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
