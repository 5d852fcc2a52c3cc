import {
  DemoBackendProcess,
  startDemoBackendProcess,
} from '../shared/demoBackend';

export type { DemoBackendProcess };

/**
 * The demo backend for the devenv bench: on `127.0.0.1` and a free port instead of 7007, and no
 * config injection into the shared `packages/app/dist` (which would point a running demo's
 * frontend at this backend).
 */
export function startDemoBackend(
  options: { timeoutMs?: number } = {},
): Promise<DemoBackendProcess> {
  return startDemoBackendProcess({
    name: 'devenv',
    host: '127.0.0.1',
    config: (port, baseUrl) => ({
      app: { disableConfigInjection: true },
      backend: { baseUrl, listen: { port, host: '127.0.0.1' } },
    }),
    timeoutMs: options.timeoutMs ?? 300_000,
  });
}
