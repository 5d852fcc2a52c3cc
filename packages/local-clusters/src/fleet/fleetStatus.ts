import { clusterProcesses, residentBytes } from '../control/processes';
import { readAdminCredentials } from '../control/adminCredentials';
import { probeReadyz, ReadinessTarget } from '../control/readiness';
import { simulatorPid } from '../environments/simulatorProcess';
import { StatePaths } from '../paths';
import { ClusterState, FleetState, readFleetState } from './fleetState';

export interface ClusterStatus {
  name: string;
  server: string;
  /** undefined when /readyz answered 200; otherwise why not. */
  notReady?: string;
  processes: number;
  residentBytes: number;
}

export interface FleetStatus {
  state?: FleetState;
  clusters: ClusterStatus[];
  simulatorPid?: number;
}

/** Resident memory of a cluster: the sum over its control-plane processes. */
export function clusterResidentBytes(workdir: string): {
  processes: number;
  bytes: number;
} {
  const processes = clusterProcesses(workdir);
  return {
    processes: processes.length,
    bytes: processes.reduce((sum, p) => sum + residentBytes(p.pid), 0),
  };
}

/** The admin certificate when the cluster folder exists: keeps health checks out of the audit log. */
function statusTarget(c: ClusterState): ReadinessTarget {
  try {
    return { server: c.server, ...readAdminCredentials(c.workdir) };
  } catch {
    return { server: c.server, caData: c.caData, token: c.tokens.reader };
  }
}

export async function fleetStatus(paths: StatePaths): Promise<FleetStatus> {
  const state = readFleetState(paths);
  if (!state) return { clusters: [] };
  const clusters = await Promise.all(
    state.clusters.map(async c => {
      const memory = clusterResidentBytes(c.workdir);
      return {
        name: c.name,
        server: c.server,
        notReady: await probeReadyz(statusTarget(c)),
        processes: memory.processes,
        residentBytes: memory.bytes,
      };
    }),
  );
  return { state, clusters, simulatorPid: simulatorPid(paths) };
}
