/**
 * How the browser tests and the browser benches start Chromium: Debian's (or `CHROMIUM_PATH`),
 * since Playwright's own browser download does not work on machines without internet access, and
 * without the background work (updates, sync, QUIC) that would add noise to a run.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
