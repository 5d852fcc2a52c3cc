import type { LocalFleet } from '@kubeplatform/local-clusters';
import WebSocket from 'ws';
import { EXEC_PROTOCOL } from '../exec/execEndpoint';
import { execQuery } from './execQuery';
import {
  demoServiceEntities,
  runningPodOf,
  startMulticlusterOnFleet,
} from './startMulticlusterOnFleet';

/** The cluster of the local fleet that the pod terminal tests open shells in. */
export const TERMINAL_CLUSTER = 'dev-eu';

type FleetBackend = Awaited<ReturnType<typeof startMulticlusterOnFleet>>;

/** A backend for terminal tests, the pod they open terminals on, and that terminal's query. */
export interface TerminalBackend {
  backend: FleetBackend;
  /** A running checkout pod in shop. */
  pod: string;
  /** The query of a terminal on the checkout container of `pod`; `overrides` replace fields. */
  query(overrides?: Record<string, string>): URLSearchParams;
}

/**
 * The multicluster backend as the pod terminal tests need it: on dev-eu only, acting as the
 * `backend` service account (which may exec), with the demo services; `options` add config,
 * features or a permission result.
 */
export async function startTerminalBackend(
  fleet: LocalFleet,
  options: Pick<
    Parameters<typeof startMulticlusterOnFleet>[1],
    'config' | 'features' | 'permission'
  > = {},
): Promise<TerminalBackend> {
  const backend = await startMulticlusterOnFleet(fleet, {
    clusters: [fleet.cluster(TERMINAL_CLUSTER)],
    token: 'backend',
    entities: demoServiceEntities(),
    syncTimeoutMs: 30_000,
    ...options,
  });
  const pod = runningPodOf(backend, TERMINAL_CLUSTER, 'shop', 'checkout');
  return {
    backend,
    pod,
    query: (overrides = {}) =>
      execQuery({ cluster: TERMINAL_CLUSTER, pod, ...overrides }),
  };
}

/** Opens the terminal's WebSocket on `backend` (not yet open when returned). */
export function terminalSocket(
  backend: FleetBackend,
  query: URLSearchParams,
  headers?: Record<string, string>,
): WebSocket {
  return new WebSocket(
    `${backend.apiUrl('multicluster').replace('http', 'ws')}/exec?${query}`,
    [EXEC_PROTOCOL],
    headers ? { headers } : undefined,
  );
}
