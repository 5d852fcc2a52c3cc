/**
 * `yarn clusters up|down|status|kubeconfig`: real local Kubernetes control planes for
 * Kubeplatform's demo, integration tests and benchmarks. Progress goes to stderr; results
 * (tables, paths) to stdout.
 */
import fs from 'node:fs';
import { Command } from 'commander';
import { commandLine, isAlive, readPidFile } from './control/processes';
import type { ClusterReport } from './fleet/fleetUp';
import { statePaths, StatePaths } from './paths';

// Commands load their modules when they run: @kubernetes/client-node takes seconds to load,
// and `status`, `kubeconfig` and `down` do not need it.

const log = (line: string) => process.stderr.write(`[clusters] ${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  return rows
    .map(r =>
      r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One `up` at a time: a second one would race the first over the same clusters. */
/**
 * One `up` at a time: a second one would race the first over the same clusters. It waits for
 * the first to finish, then finds the fleet running and reuses it.
 */
async function takeUpLock(
  paths: StatePaths,
  signal: AbortSignal,
): Promise<() => void> {
  fs.mkdirSync(paths.root, { recursive: true });
  for (let told = false; ; told = true) {
    const other = readPidFile(paths.upLock);
    const running =
      other &&
      other !== process.pid &&
      isAlive(other) &&
      commandLine(other).includes('local-clusters');
    if (!running) break;
    if (!told)
      log(
        `another \`yarn clusters up\` is running (pid ${other}); waiting for it`,
      );
    signal.throwIfAborted();
    await new Promise(r => setTimeout(r, 1000));
  }
  fs.writeFileSync(paths.upLock, `${process.pid}\n`);
  return () => {
    if (readPidFile(paths.upLock) === process.pid)
      fs.rmSync(paths.upLock, { force: true });
  };
}

async function up(options: { clusters: string; pods: string; shape: string }) {
  const paths = statePaths();
  const started = Date.now();
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    log(
      `${signal}: stopping; cleaning up what this run created (again to force quit)`,
    );
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let release = () => {};
  try {
    release = await takeUpLock(paths, controller.signal);
    const { ensureBinaries, stageBinaries } =
      require('./control/binaries') as typeof import('./control/binaries');
    const { fleetUp } =
      require('./fleet/fleetUp') as typeof import('./fleet/fleetUp');
    const binaries = stageBinaries(
      await ensureBinaries(controller.signal),
      paths.root,
    );
    const { state, reports } = await fleetUp(paths, binaries, {
      clusters: Number(options.clusters),
      pods: Number(options.pods),
      scaleShape: scaleShapeOf(options.shape),
      log,
      signal: controller.signal,
    });
    await printUpReport(state.clusters, reports, Date.now() - started);
    process.stdout.write(
      `\nkubeconfig: ${paths.kubeconfig}\napp-config: ${paths.appConfig}\n` +
        `try: kubectl --kubeconfig ${paths.kubeconfig} --context ${
          state.clusters.at(-1)?.name
        } get pods -A\n`,
    );
  } catch (error) {
    if (controller.signal.aborted) {
      log('interrupted; the clusters this run created were removed');
      process.exitCode = 130;
      return;
    }
    throw error;
  } finally {
    release();
  }
}

async function printUpReport(
  clusters: { name: string; server: string; workdir: string }[],
  reports: ClusterReport[],
  totalMs: number,
) {
  const { clusterResidentBytes } =
    require('./fleet/fleetStatus') as typeof import('./fleet/fleetStatus');
  const rows = [
    [
      'CLUSTER',
      'SERVER',
      'ACTION',
      'START',
      'SEED',
      'SCALE PODS',
      'POPULATE',
      'RSS',
    ],
  ];
  for (const c of clusters) {
    const r = reports.find(x => x.name === c.name)!;
    rows.push([
      c.name,
      c.server,
      r.action,
      seconds(r.startMs),
      r.seedMs ? seconds(r.seedMs) : '-',
      String(r.scalePods),
      r.scaleMs ? seconds(r.scaleMs) : '-',
      mib(clusterResidentBytes(c.workdir).bytes),
    ]);
  }
  process.stdout.write(
    `${table(rows)}\n\nfleet ready in ${seconds(totalMs)}\n`,
  );
}

async function status() {
  const paths = statePaths();
  const { fleetStatus } =
    require('./fleet/fleetStatus') as typeof import('./fleet/fleetStatus');
  const result = await fleetStatus(paths);
  if (!result.state) {
    process.stderr.write('no local clusters; run `yarn clusters up`\n');
    process.exitCode = 1;
    return;
  }
  const rows = [['CLUSTER', 'SERVER', 'READY', 'PROCESSES', 'RSS']];
  for (const c of result.clusters) {
    rows.push([
      c.name,
      c.server,
      c.notReady ? `no: ${c.notReady}` : 'yes',
      String(c.processes),
      mib(c.residentBytes),
    ]);
  }
  process.stdout.write(`${table(rows)}\n`);
  process.stdout.write(
    `environment-composition-simulator: ${
      result.simulatorPid
        ? `running (pid ${result.simulatorPid})`
        : 'not running'
    }\n`,
  );
  process.stdout.write(`kubeconfig: ${paths.kubeconfig}\n`);
  if (result.clusters.some(c => c.notReady)) process.exitCode = 1;
}

async function down() {
  const paths = statePaths();
  const started = Date.now();
  const { fleetDown } =
    require('./fleet/fleetDown') as typeof import('./fleet/fleetDown');
  await fleetDown(paths, log);
  log(`local clusters removed in ${seconds(Date.now() - started)}`);
}

function kubeconfig() {
  const paths = statePaths();
  if (!fs.existsSync(paths.kubeconfig)) {
    process.stderr.write('no kubeconfig yet; run `yarn clusters up`\n');
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${paths.kubeconfig}\n`);
}

function scaleShapeOf(shape: string): 'plain' | 'production' {
  if (shape === 'plain' || shape === 'production') return shape;
  throw new Error(`--shape must be plain or production, got ${shape}`);
}

const program = new Command('clusters').description(
  'Real local Kubernetes clusters (kube-apiserver, etcd, controller-manager, scheduler, kwok) for Kubeplatform',
);
program
  .command('up')
  .description('start the local fleet (or reuse it) and wait until it is ready')
  .option(
    '--clusters <n>',
    'how many clusters (dev-eu and prod-us come first)',
    '2',
  )
  .option(
    '--pods <n>',
    'scale mode: extra pods across the whole fleet, split evenly',
    '0',
  )
  .option(
    '--shape <shape>',
    'scale mode: what the pods look like, plain (one container) or production (app, sidecar and log shipper containers with env, probes, requests and varied images and labels)',
    'plain',
  )
  .action(up);
program
  .command('down')
  .description('stop and delete every local cluster')
  .action(down);
program
  .command('status')
  .description('show each cluster, whether it answers, and its memory')
  .action(status);
program
  .command('kubeconfig')
  .description('print the path of the kubeconfig file')
  .action(kubeconfig);

program.parseAsync(process.argv).catch(error => {
  process.stderr.write(`[clusters] error: ${(error as Error).message}\n`);
  process.exit(1);
});
