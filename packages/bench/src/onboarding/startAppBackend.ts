import fs from 'node:fs';
import path from 'node:path';
import {
  DemoBackendProcess,
  startDemoBackendProcess,
} from '../shared/demoBackend';
import { ensureFrontendBuilt } from '../shared/prerequisites';
import { repoRoot } from '../shared/results';

/**
 * The demo backend serving the built frontend, `http://localhost:<port>`: the app and its APIs on
 * one origin. Unlike the devenv bench's backend it serves `packages/app/dist`: the frontend
 * config goes into the served index.html (built from dist's index.html.tmpl, in memory), so the
 * shared dist folder is not written to.
 */
export async function startAppBackend(
  timeoutMs = 300_000,
): Promise<DemoBackendProcess> {
  ensureFrontendBuilt();
  if (
    !fs.existsSync(path.join(repoRoot(), 'packages/app/dist/index.html.tmpl'))
  ) {
    throw new Error(
      'packages/app/dist has no index.html.tmpl after the frontend build (yarn workspace app build)',
    );
  }
  return startDemoBackendProcess({
    name: 'onboarding',
    host: 'localhost',
    config: (port, baseUrl) => ({
      app: { baseUrl },
      backend: { baseUrl, listen: { port }, cors: { origin: baseUrl } },
    }),
    timeoutMs,
  });
}
