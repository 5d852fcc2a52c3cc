import fs from 'node:fs';
import {
  PackageScript,
  runningScriptPid,
  startPackageScript,
} from '../control/packageScript';
import { terminate } from '../control/processes';
import { StatePaths } from '../paths';

const simulator = (paths: StatePaths): PackageScript => ({
  entry: 'environments/environment-composition-simulator.ts',
  pidFile: paths.simulatorPid,
  logFile: paths.simulatorLog,
  title: 'the environment-composition-simulator',
});

/** Starts the simulator in the background unless it already runs; returns its pid. */
export function startSimulator(paths: StatePaths): {
  pid: number;
  reused: boolean;
} {
  const existing = runningScriptPid(simulator(paths));
  if (existing) return { pid: existing, reused: true };
  const pid = startPackageScript(simulator(paths), [paths.kubeconfig]);
  return { pid, reused: false };
}

export async function stopSimulator(paths: StatePaths): Promise<boolean> {
  const pid = runningScriptPid(simulator(paths));
  fs.rmSync(paths.simulatorPid, { force: true });
  if (!pid) return false;
  await terminate([pid], 5000);
  return true;
}

export function simulatorPid(paths: StatePaths): number | undefined {
  return runningScriptPid(simulator(paths));
}
