import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Binaries } from '../control/binaries';
import { Kwokctl } from '../control/kwokctl';
import { demoFleet, stuckRollout } from '../demo/demoFleet';
import { seedCustomResources } from '../demo/seedCustomResources';
import {
  startSimulator,
  stopSimulator,
} from '../environments/simulatorProcess';
import { ENVIRONMENT_CLUSTER } from '../environments/environmentCrd';
import {
  oidcApiserverArgs,
  writeAuthenticationConfig,
} from '../oidc/authenticationConfig';
import { ensureIssuer } from '../oidc/issuerProcess';
import { seedOidcAccess } from '../oidc/oidcAccess';
import { StatePaths } from '../paths';
import { populateScalePods, ScaleShape } from '../scale/scalePopulation';
import { waitForMetricsApi } from './metricsApi';
import { renderAppConfig } from './appConfigFile';
import { clusterSpecs } from './clusterSpecs';
import {
  ensureCluster,
  keepClusterLogs,
  RunningCluster,
} from './ensureCluster';
import {
  ClusterState,
  FleetState,
  readFleetState,
  writeFleetState,
  writePrivateFile,
} from './fleetState';
import { writeKwokConfigFiles } from './kwokConfigFiles';
import { renderKubeconfig } from './kubeconfigFile';
import { accessObjects, LIMITED_NAMESPACES } from './serviceAccounts';
import { seedAccess, seedDemoFleet } from './seedCluster';

export interface UpOptions {
  clusters: number;
  /** Scale-mode pods across the whole fleet; 0 for the demo fleet only. */
  pods: number;
  /** What scale-mode pods look like; `plain` when absent. */
  scaleShape?: ScaleShape;
  log: (line: string) => void;
  signal: AbortSignal;
}

/** What `up` did for one cluster, and how long it took. */
export interface ClusterReport {
  name: string;
  action: 'created' | 'restarted' | 'reused';
  startMs: number;
  seedMs: number;
  scaleMs: number;
  scalePods: number;
}

/**
 * Brings the fleet up: builds or finds the binaries, creates, restarts or reuses each cluster,
 * seeds what is missing, writes kubeconfig, app-config and state, and starts the simulator.
 * On failure or abort it deletes the clusters this call created, so nothing is half-made.
 */
export async function fleetUp(
  paths: StatePaths,
  binaries: Binaries,
  options: UpOptions,
): Promise<{ state: FleetState; reports: ClusterReport[] }> {
  const { log, signal } = options;
  const specs = clusterSpecs(options.clusters);
  if (!Number.isInteger(options.pods) || options.pods < 0) {
    throw new Error(
      `--pods must be a whole number of at least 0, got ${options.pods}`,
    );
  }
  const podsPerCluster = Math.ceil(options.pods / specs.length);
  const scaleShape = options.scaleShape ?? 'plain';
  fs.mkdirSync(paths.root, { recursive: true });
  const configFiles = writeKwokConfigFiles(paths);
  // The API servers trust the local OIDC issuer: it runs, and its config exists, before they start.
  const issuer = await ensureIssuer(paths, signal);
  log(
    `local OIDC issuer ${issuer.reused ? 'already runs' : 'started'} at ${
      issuer.issuer
    } (pid ${issuer.pid})`,
  );
  writeAuthenticationConfig(paths, issuer);
  const kubeApiserverArgs = oidcApiserverArgs(paths);
  const kwokctl = new Kwokctl(binaries, paths, signal);
  const previous = safeReadState(paths, log);
  const created: string[] = [];

  try {
    for (const name of kwokctl.existingClusters()) {
      if (!specs.some(s => s.name === name)) {
        log(`${name}: not asked for; deleting it`);
        await kwokctl.deleteCluster(name);
      }
    }

    const takenPorts = new Set<number>();
    const running: RunningCluster[] = [];
    for (const spec of specs) {
      const before = previous?.clusters.find(c => c.name === spec.name);
      const configHash = clusterConfigHash(
        spec.name,
        configFiles,
        kubeApiserverArgs,
        binaries,
      );
      const mustRecreate =
        kwokctl.clusterExists(spec.name) &&
        (!before ||
          before.scalePods !== podsPerCluster ||
          (before.scaleShape ?? 'plain') !== scaleShape ||
          before.configHash !== configHash);
      if (mustRecreate) {
        log(
          `${spec.name}: its recorded state, Stages or demo fleet differ from this request; recreating it`,
        );
        await kwokctl.deleteCluster(spec.name);
      }
      const cluster = await ensureCluster(spec, before?.identity, {
        paths,
        kwokctl,
        sharedConfig: configFiles,
        takenPorts,
        log,
        signal,
        disableQpsLimits: podsPerCluster > 0,
        kubeApiserverArgs,
        onCreating: () => created.push(spec.name),
      });
      takenPorts.add(cluster.port);
      running.push(cluster);
    }

    const reports: ClusterReport[] = [];
    const states: ClusterState[] = [];
    for (const cluster of running) {
      const { spec } = cluster;
      const before = previous?.clusters.find(c => c.name === spec.name);
      const seeded =
        cluster.action !== 'created' &&
        before?.seededAt &&
        before.identity === cluster.identity &&
        before.scalePods === podsPerCluster &&
        (before.scaleShape ?? 'plain') === scaleShape;
      let tokens = before?.tokens;
      let seedMs = 0;
      let scaleMs = 0;
      if (!seeded || !tokens) {
        const seedStart = Date.now();
        log(`${spec.name}: seeding nodes, service accounts and the demo fleet`);
        tokens = await seedAccess(cluster.kc, spec, podsPerCluster, signal);
        await seedDemoFleet(cluster.kc, spec.name, signal);
        seedMs = Date.now() - seedStart;
        if (podsPerCluster > 0) {
          log(`${spec.name}: populating ${podsPerCluster} scale-mode pods`);
          scaleMs = await populateScalePods(
            cluster.kc,
            podsPerCluster,
            n => log(`${spec.name}:   ${n}/${podsPerCluster} pods running`),
            signal,
            scaleShape,
          );
        }
      }
      // Not part of the seeding above: applied on every run, so running clusters get it too.
      await seedCustomResources(cluster.kc, spec.name, signal);
      // kwokctl starts metrics-server beside the apiserver, and metrics-server reads its
      // request-header CA from the apiserver once at start: one that asked before the apiserver
      // served has exited. `start cluster` starts again every component that is not running.
      await kwokctl.startCluster(spec.name);
      await waitForMetricsApi(cluster.kc, spec.name, signal);
      await seedOidcAccess(
        cluster.kc,
        spec.name,
        { server: cluster.server, caData: cluster.admin.caData },
        { ...issuer, caPem: fs.readFileSync(issuer.caFile, 'utf8') },
        signal,
      );
      states.push({
        name: spec.name,
        title: spec.title,
        region: spec.region,
        environment: spec.environment,
        context: spec.name,
        server: cluster.server,
        port: cluster.port,
        caData: cluster.admin.caData,
        identity: cluster.identity,
        configHash: clusterConfigHash(
          spec.name,
          configFiles,
          kubeApiserverArgs,
          binaries,
        ),
        workdir: cluster.workdir,
        auditLogPath: path.join(cluster.workdir, 'logs', 'audit.log'),
        tokens,
        limitedNamespaces: LIMITED_NAMESPACES,
        scalePods: podsPerCluster,
        scaleShape,
        seededAt:
          seeded && before?.seededAt
            ? before.seededAt
            : new Date().toISOString(),
      });
      reports.push({
        name: spec.name,
        action: cluster.action,
        startMs: cluster.startMs,
        seedMs,
        scaleMs,
        scalePods: podsPerCluster,
      });
    }

    writePrivateFile(
      paths.kubeconfig,
      renderKubeconfig(
        running.map(c => ({
          context: c.spec.name,
          server: c.server,
          admin: c.admin,
        })),
      ),
    );
    writePrivateFile(paths.appConfig, renderAppConfig(states, issuer));
    const state: FleetState = {
      version: 1,
      binDir: binaries.dir,
      clusters: states,
      updatedAt: new Date().toISOString(),
    };
    writeFleetState(paths, state);

    const platformCluster = running.find(
      c => c.spec.name === ENVIRONMENT_CLUSTER,
    );
    if (platformCluster) {
      // A simulator from before holds a client for the old cluster: start it afresh.
      if (platformCluster.action !== 'reused') await stopSimulator(paths);
      const simulator = startSimulator(paths);
      log(
        `environment-composition-simulator ${
          simulator.reused ? 'already runs' : 'started'
        } (pid ${simulator.pid})`,
      );
    }
    return { state, reports };
  } catch (error) {
    if (created.length > 0) {
      log(`cleaning up the clusters this run created: ${created.join(', ')}`);
      const cleaner = new Kwokctl(binaries, paths);
      for (const name of created) {
        keepClusterLogs(paths, name);
        await cleaner
          .deleteCluster(name)
          .catch(e => log(`  ${name}: ${e.message}`));
      }
    }
    throw error;
  }
}

/**
 * A fingerprint of what a cluster was created and seeded with. When the binaries (their staged
 * folder is named after their cache keys), the Stages, the resource usage, the audit policy, the
 * service accounts and their RBAC, or the demo fleet change in the code, running clusters no
 * longer match it and are recreated.
 */
function clusterConfigHash(
  cluster: string,
  files: { kwokConfig: string; auditPolicy: string },
  kubeApiserverArgs: Record<string, string>,
  binaries: Binaries,
): string {
  return createHash('sha256')
    .update(path.basename(binaries.dir))
    .update(JSON.stringify(kubeApiserverArgs))
    .update(fs.readFileSync(files.kwokConfig))
    .update(fs.readFileSync(files.auditPolicy))
    .update(JSON.stringify(demoFleet(cluster)))
    .update(JSON.stringify(stuckRollout(cluster) ?? null))
    .update(JSON.stringify(accessObjects()))
    .digest('hex')
    .slice(0, 16);
}

function safeReadState(
  paths: StatePaths,
  log: (line: string) => void,
): FleetState | undefined {
  try {
    return readFleetState(paths);
  } catch (error) {
    log(`ignoring unreadable state: ${(error as Error).message}`);
    return undefined;
  }
}
