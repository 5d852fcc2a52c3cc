import fs from 'node:fs';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import {
  AdminCredentials,
  readAdminCredentials,
} from '../control/adminCredentials';
import { Kwokctl } from '../control/kwokctl';
import { choosePort, freePort, isPortFree } from '../control/ports';
import { clusterProcesses, terminate } from '../control/processes';
import { probeReadyz, waitReady } from '../control/readiness';
import { clusterWorkdir, StatePaths } from '../paths';
import { adminKubeConfig } from './adminKubeConfig';
import { clusterIdentity } from './clusterIdentity';
import { recordedPorts } from './clusterPort';
import { LocalClusterSpec } from './clusterSpecs';
import { ComponentPorts, writeClusterOptionsFile } from './kwokConfigFiles';

export interface RunningCluster {
  spec: LocalClusterSpec;
  workdir: string;
  port: number;
  server: string;
  admin: AdminCredentials;
  kc: KubeConfig;
  identity: string;
  action: 'created' | 'restarted' | 'reused';
  startMs: number;
}

export interface EnsureClusterContext {
  paths: StatePaths;
  kwokctl: Kwokctl;
  sharedConfig: { kwokConfig: string; auditPolicy: string };
  /** Ports other clusters of this fleet already hold. */
  takenPorts: Set<number>;
  log: (line: string) => void;
  signal: AbortSignal;
  disableQpsLimits: boolean;
  /** Extra kube-apiserver flags (the local OIDC issuer's authentication config). */
  kubeApiserverArgs?: Record<string, string>;
  /** Called just before kwokctl creates the cluster, so an interrupted create is cleaned up. */
  onCreating: () => void;
}

/**
 * Makes sure one cluster runs and is the one we created: reuses it when it answers, restarts
 * it when it stopped, and (re)creates it when it is missing, broken, or its ports were taken.
 */
export async function ensureCluster(
  spec: LocalClusterSpec,
  expectedIdentity: string | undefined,
  ctx: EnsureClusterContext,
): Promise<RunningCluster> {
  const { log, kwokctl } = ctx;
  const started = Date.now();
  const workdir = clusterWorkdir(ctx.paths, spec.name);

  const connect = async (port: number, action: RunningCluster['action']) => {
    const admin = readAdminCredentials(workdir);
    const server = `https://127.0.0.1:${port}`;
    const kc = adminKubeConfig(spec.name, server, admin);
    return {
      spec,
      workdir,
      port,
      server,
      admin,
      kc,
      identity: await clusterIdentity(kc),
      action,
      startMs: Date.now() - started,
    };
  };

  if (kwokctl.clusterExists(spec.name)) {
    const existing = await reviveExisting(
      spec,
      workdir,
      expectedIdentity,
      ctx,
      connect,
    );
    if (existing) return existing;
    await kwokctl.deleteCluster(spec.name);
  }

  const ports = await chooseComponentPorts(spec, ctx);
  log(
    `${spec.name}: creating (kube-apiserver on https://127.0.0.1:${ports.kubeApiserverPort})`,
  );
  ctx.onCreating();
  await kwokctl.createCluster({
    name: spec.name,
    port: ports.kubeApiserverPort,
    configFiles: [
      ctx.sharedConfig.kwokConfig,
      writeClusterOptionsFile(ctx.paths, spec.name, ports),
    ],
    auditPolicyFile: ctx.sharedConfig.auditPolicy,
    disableQpsLimits: ctx.disableQpsLimits,
    kubeApiserverArgs: ctx.kubeApiserverArgs,
  });
  const admin = readAdminCredentials(workdir);
  await waitReady(
    { server: `https://127.0.0.1:${ports.kubeApiserverPort}`, ...admin },
    120_000,
    ctx.signal,
  );
  return connect(ports.kubeApiserverPort, 'created');
}

/** Reuses or restarts a cluster kwokctl already knows; undefined when it must be recreated. */
async function reviveExisting(
  spec: LocalClusterSpec,
  workdir: string,
  expectedIdentity: string | undefined,
  ctx: EnsureClusterContext,
  connect: (
    port: number,
    action: RunningCluster['action'],
  ) => Promise<RunningCluster>,
): Promise<RunningCluster | undefined> {
  const { log, signal } = ctx;
  const ports = recordedPorts(workdir);
  if (!ports?.kubeApiserverPort || !expectedIdentity) {
    log(`${spec.name}: no usable record of it; recreating it`);
    return undefined;
  }
  const port = ports.kubeApiserverPort;
  const target = {
    server: `https://127.0.0.1:${port}`,
    ...readAdminCredentials(workdir),
  };
  const ours = async (action: RunningCluster['action']) => {
    const cluster = await connect(port, action);
    if (cluster.identity === expectedIdentity) return cluster;
    log(
      `${spec.name}: ${target.server} answers, but with another cluster's data; recreating it`,
    );
    return undefined;
  };

  // A loaded machine can be slow to answer; ask a few times before calling it stopped.
  let reason: string | undefined = 'not asked';
  for (let attempt = 0; attempt < 3 && reason; attempt++) {
    reason = await probeReadyz(target, 4000);
  }
  if (!reason) {
    const cluster = await ours('reused');
    if (cluster)
      log(`${spec.name}: already running at ${target.server}; reusing it`);
    if (cluster) return cluster;
    await terminate(
      clusterProcesses(workdir).map(p => p.pid),
      15_000,
    );
    return undefined;
  }

  log(`${spec.name}: not answering (${reason}); restarting it`);
  // Stop what is left first: a half-dead apiserver still holding its pid file would make
  // kwokctl think it runs.
  await terminate(
    clusterProcesses(workdir).map(p => p.pid),
    15_000,
  );
  for (const [component, p] of Object.entries(ports)) {
    if (p && !(await isPortFree(p))) {
      log(
        `${spec.name}: its ${component} ${p} is now used by another program; recreating it`,
      );
      return undefined;
    }
  }
  try {
    await ctx.kwokctl.startCluster(spec.name);
    await waitReady(target, 90_000, signal);
    return await ours('restarted');
  } catch (error) {
    signal.throwIfAborted();
    const kept = keepClusterLogs(ctx.paths, spec.name);
    const where = kept ? ` (its logs are kept in ${kept})` : '';
    log(
      `${spec.name}: could not restart (${
        (error as Error).message
      }); recreating it${where}`,
    );
    return undefined;
  }
}

async function chooseComponentPorts(
  spec: LocalClusterSpec,
  ctx: EnsureClusterContext,
): Promise<ComponentPorts> {
  const apiserver = await choosePort(
    spec.defaultPort,
    ctx.takenPorts,
    (wanted, chosen) =>
      ctx.log(
        `${spec.name}: port ${wanted} on 127.0.0.1 is already taken; using port ${chosen} instead`,
      ),
  );
  const taken = new Set([...ctx.takenPorts, apiserver]);
  const another = async () => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
  };
  return {
    kubeApiserverPort: apiserver,
    etcdPort: await another(),
    etcdPeerPort: await another(),
    kwokControllerPort: await another(),
    kubeControllerManagerPort: await another(),
    kubeSchedulerPort: await another(),
    metricsServerPort: await another(),
  };
}

/** Copies a cluster's component logs out of its workdir before kwokctl deletes it. */
export function keepClusterLogs(
  paths: StatePaths,
  name: string,
): string | undefined {
  const from = path.join(clusterWorkdir(paths, name), 'logs');
  if (!fs.existsSync(from)) return undefined;
  const to = path.join(paths.logsDir, `failed-${name}`);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  return to;
}
