import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumLaunchOptions } from './browserBundle';
import { repoRoot } from './results';

/**
 * Runs one function of `scripts/lib` the way `./scripts/test` does, so that a bench on a fresh
 * clone installs what it needs itself; its output goes to our stderr.
 */
function runScriptsLib(fn: 'kp_ensure_chromium' | 'kp_build_frontend') {
  const result = spawnSync(
    'bash',
    [
      '-c',
      `source scripts/lib/env.sh && source scripts/lib/frontend.sh && kp_ensure_node && ${fn}`,
    ],
    { cwd: repoRoot(), stdio: ['ignore', 2, 2] },
  );
  if (result.status !== 0) {
    throw new Error(
      `${fn} (scripts/lib) failed with exit code ${result.status}: see its output above`,
    );
  }
}

/** Debian's Chromium, installed when missing; or `CHROMIUM_PATH`, which must exist. */
export function ensureChromium(): void {
  if (process.env.CHROMIUM_PATH) {
    if (!fs.existsSync(chromiumLaunchOptions.executablePath)) {
      throw new Error(
        `CHROMIUM_PATH names ${chromiumLaunchOptions.executablePath}, which does not exist`,
      );
    }
    return;
  }
  runScriptsLib('kp_ensure_chromium');
}

/**
 * The frontend bundle the demo backend serves, rebuilt when its sources changed since the last
 * build (the stamp `./scripts/start` and `./scripts/test` keep), so a bench never measures a
 * stale app.
 */
export function ensureFrontendBuilt(): void {
  runScriptsLib('kp_build_frontend');
}
