import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { binariesIn, Binaries } from '../control/binaries';
import { Kwokctl } from '../control/kwokctl';
import {
  commandLine,
  isAlive,
  processesMentioning,
  readPidFile,
  terminate,
} from '../control/processes';
import { stopSimulator } from '../environments/simulatorProcess';
import { stopIssuer } from '../oidc/issuerProcess';
import { StatePaths } from '../paths';
import { readFleetState } from './fleetState';

/** The kwokctl we can use to delete clusters, without building anything. */
function findBinaries(paths: StatePaths): Binaries | undefined {
  const candidates: string[] = [];
  try {
    const state = readFleetState(paths);
    if (state) candidates.push(state.binDir);
  } catch {
    // an unreadable state file must not stop `down`
  }
  const cache = path.join(
    process.env.KUBEPLATFORM_CACHE_DIR ??
      path.join(os.homedir(), '.cache', 'kubeplatform'),
    'k8s-bin',
  );
  if (fs.existsSync(cache)) {
    candidates.push(...fs.readdirSync(cache).map(d => path.join(cache, d)));
  }
  const dir = candidates.find(d => fs.existsSync(path.join(d, 'kwokctl')));
  return dir ? binariesIn(dir) : undefined;
}

/** Stops a `yarn clusters up` that is still running, and lets it clean up after itself. */
async function stopRunningUp(paths: StatePaths, log: (line: string) => void) {
  const pid = readPidFile(paths.upLock);
  if (!pid || pid === process.pid || !isAlive(pid)) return;
  if (!commandLine(pid).includes('local-clusters')) return;
  log(`stopping the \`clusters up\` that is still running (pid ${pid})`);
  await terminate([pid], 60_000);
}

/**
 * Removes the whole fleet: a running `up`, the simulator, the OIDC issuer and its CA, every
 * kwokctl cluster, and any
 * component process whose pid file was lost. Leaves logs/ for post-mortems.
 */
export async function fleetDown(
  paths: StatePaths,
  log: (line: string) => void,
): Promise<void> {
  await stopRunningUp(paths, log);
  if (await stopSimulator(paths))
    log('stopped the environment-composition-simulator');
  if (await stopIssuer(paths, { forget: true }))
    log('stopped the local OIDC issuer');

  const binaries = findBinaries(paths);
  if (binaries) {
    const kwokctl = new Kwokctl(binaries, paths);
    for (const name of kwokctl.existingClusters()) {
      log(`${name}: deleting`);
      try {
        await kwokctl.deleteCluster(name);
      } catch (error) {
        log(
          `${name}: kwokctl could not delete it (${
            (error as Error).message
          }); killing its processes`,
        );
      }
    }
  }

  const orphans = processesMentioning(paths.kwokWorkdir + path.sep);
  if (orphans.length > 0) {
    log(
      `stopping ${
        orphans.length
      } leftover control-plane processes: ${orphans.join(', ')}`,
    );
    await terminate(orphans, 10_000);
  }

  for (const file of [
    paths.stateFile,
    paths.kubeconfig,
    paths.appConfig,
    paths.upLock,
  ]) {
    fs.rmSync(file, { force: true });
  }
  fs.rmSync(paths.kwokWorkdir, { recursive: true, force: true });
}
