import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { build, Plugin } from 'esbuild';

// The browser benches start Chromium as the browser tests do.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
export { chromiumLaunchOptions } from '../../../app/e2e-tests/chromiumLaunchOptions';

/**
 * A React entry of this package (`entry`, relative to the package) bundled for a page in headless
 * Chromium: one production IIFE whose exports are `window[globalName]`. Style sheets are left out
 * (only the terminals import them, and no bench shows one).
 */
export async function bundleForBrowser(
  entry: string,
  globalName: string,
  plugins: Plugin[] = [],
): Promise<string> {
  const result = await build({
    entryPoints: [resolvePackagePath('@kubeplatform/bench', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    banner: { js: 'var process = { env: { NODE_ENV: "production" } };' },
    plugins,
    logLevel: 'error',
    loader: { '.svg': 'text', '.png': 'dataurl', '.css': 'empty' },
  });
  return result.outputFiles[0].text;
}
