import type { Environment } from '@kubeplatform/clusters-common';

/** A ready environment on dev-eu that expired at 09:00 on 2026-12-01: the reaper deletes it. */
export function expiredEnvironment(name: string): Environment {
  return {
    ref: `dev-eu/${name}`,
    name,
    cluster: 'dev-eu',
    status: 'ready',
    expiresAt: '2026-12-01T09:00:00Z',
  } as Environment;
}
