import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  commandLine,
  isAlive,
  readPidFile,
  terminate,
} from '../control/processes';
import { packageDir, StatePaths } from '../paths';

const entry = () =>
  path.join(
    packageDir(),
    'src',
    'environments',
    'environment-composition-simulator.ts',
  );

function runningPid(paths: StatePaths): number | undefined {
  const pid = readPidFile(paths.simulatorPid);
  if (
    pid &&
    isAlive(pid) &&
    commandLine(pid).includes('environment-composition-simulator')
  ) {
    return pid;
  }
  return undefined;
}

/** Starts the simulator in the background unless it already runs; returns its pid. */
export function startSimulator(paths: StatePaths): {
  pid: number;
  reused: boolean;
} {
  const existing = runningPid(paths);
  if (existing) return { pid: existing, reused: true };
  fs.mkdirSync(path.dirname(paths.simulatorLog), { recursive: true });
  const out = fs.openSync(paths.simulatorLog, 'a');
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', {
        paths: [packageDir()],
      }),
      entry(),
      paths.kubeconfig,
    ],
    { cwd: packageDir(), detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  child.unref();
  if (!child.pid)
    throw new Error('could not start the environment-composition-simulator');
  fs.writeFileSync(paths.simulatorPid, `${child.pid}\n`);
  return { pid: child.pid, reused: false };
}

export async function stopSimulator(paths: StatePaths): Promise<boolean> {
  const pid = runningPid(paths);
  fs.rmSync(paths.simulatorPid, { force: true });
  if (!pid) return false;
  await terminate([pid], 5000);
  return true;
}

export function simulatorPid(paths: StatePaths): number | undefined {
  return runningPid(paths);
}
