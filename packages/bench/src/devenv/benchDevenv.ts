/**
 * `yarn bench:devenv`: a `namespace`-class environment through the product, from
 * `POST /api/devenv/environments` (HTTP, as a signed-in user, to the demo backend running as its
 * own process with the provisioner's own service account) until its guardrails are verified,
 * beside a bare namespace create over the same HTTP boundary; interleaved runs, medians.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLocalFleet } from '@kubeplatform/local-clusters';
import { machine, machineLoad } from '../shared/machine';
import {
  benchCommand,
  benchLog,
  publishResult,
  runBench,
} from '../shared/benchRun';
import { ClusterObserver } from './ClusterObserver';
import { findKubectl } from './kubectl';
import { selfSubjectAccessReview } from './selfSubjectAccessReview';
import {
  BareNamespaceTiming,
  EnvironmentTiming,
  measureBareNamespace,
  measureEnvironment,
  MeasureContext,
  removeAll,
} from './measureRuns';
import {
  DevenvResult,
  DevenvRun,
  renderDevenvSection,
  TARGET_MS,
} from './renderSection';
import { signInAsGuest } from './signedInUser';
import { startDemoBackend } from './startDemoBackend';
import { summarize } from './summarize';
import { whoCreated } from './whoCreated';
import { codeVersion } from './codeVersion';
import { earlierResults } from './history';

const MIN_RUNS = 9;
const log = benchLog('devenv');

async function main() {
  const { runs, cluster: clusterName } = benchCommand(
    'devenv',
    'Time a namespace environment through the product until its guardrails are verified, beside a bare namespace create.',
    {
      runs: ['--runs <n>', 'timed runs of each, after one warm-up', 9],
      cluster: ['--cluster <name>', 'the local cluster to create in', 'dev-eu'],
    },
  );

  const fleet = await loadLocalFleet();
  const cluster = fleet.cluster(clusterName);
  const access = findKubectl() ?? selfSubjectAccessReview;
  const observer = new ClusterObserver(cluster.kubeConfig());
  log(`access check: ${access.how}`);

  const code = codeVersion();
  const loadAtStart = machineLoad();
  log('starting the demo backend as its own process ...');
  const backend = await startDemoBackend();
  log(
    `demo backend pid ${backend.pid} ready at ${backend.baseUrl} after ${backend.startMs} ms`,
  );
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-devenv-kc-'));
  const made = { environments: [] as string[], bareNamespaces: [] as string[] };
  const stamp = Date.now().toString(36);
  const since = new Date();
  let ctx: MeasureContext | undefined;
  const rows: DevenvRun[] = [];
  let loadBefore = loadAtStart;
  let loadAfter = loadAtStart;
  let cleanupFailures: string[] = [];
  try {
    const user = await signInAsGuest(backend.baseUrl);
    log(
      `signed in as ${user.userEntityRef} (guest provider, Backstage user token)`,
    );
    await waitForCatalogEntity(user, user.userEntityRef);
    ctx = { user, observer, access, cluster: clusterName, tmpDir };
    loadBefore = machineLoad();
    // Run 0 warms both paths (connections, code loaded on first use) and is not counted.
    for (let run = 0; run <= runs; run++) {
      const first = run % 2 === 1 ? 'environment' : 'bare';
      const envName = `bench-env-${stamp}-${run}`;
      const bareName = `bench-ns-${stamp}-${run}`;
      const load1 = machineLoad().loadavg[0];
      let environment: EnvironmentTiming;
      let bare: BareNamespaceTiming;
      made.environments.push(envName);
      made.bareNamespaces.push(bareName);
      if (first === 'environment') {
        environment = await measureEnvironment(ctx, envName);
        bare = await measureBareNamespace(ctx, bareName);
      } else {
        bare = await measureBareNamespace(ctx, bareName);
        environment = await measureEnvironment(ctx, envName);
      }
      rows.push({ run, warmUp: run === 0, first, load1, environment, bare });
      log(
        `run ${run}${run === 0 ? ' (warm-up)' : ''}: environment verified ${
          environment.verifiedMs
        } ms (API ready ${environment.apiReadyMs}, read back ${
          environment.readBackMs
        }, quota in force ${environment.quotaInForceMs}, kubeconfig ${
          environment.kubeconfigMs
        }, can-i ${environment.canIMs}); bare namespace ${
          bare.verifiedMs
        } ms (API ${bare.apiMs})`,
      );
    }
    loadAfter = machineLoad();
  } finally {
    if (ctx) {
      log('deleting what the runs made ...');
      cleanupFailures = await removeAll(ctx, made);
      for (const failure of cleanupFailures) log(`cleanup: ${failure}`);
    }
    await backend.stop();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }

  const timed = rows.filter(r => !r.warmUp);
  const creators = whoCreated(cluster.auditLogPath, since, {
    environments: made.environments,
    bareNamespaces: made.bareNamespaces,
  });
  const verifiedReady = summarize(timed.map(r => r.environment.verifiedMs));
  const bareNamespace = summarize(timed.map(r => r.bare.verifiedMs));
  const summary = `devenv: verified-ready=${Math.round(
    verifiedReady.median,
  )} ms; bare-namespace=${Math.round(bareNamespace.median)} ms`;
  const result: DevenvResult = {
    bench: 'devenv',
    date: new Date().toISOString(),
    command: `yarn bench:devenv --runs ${runs}${
      clusterName === 'dev-eu' ? '' : ` --cluster ${clusterName}`
    }`,
    minRuns: MIN_RUNS,
    code,
    machine: machine(),
    load: { atStart: loadAtStart, before: loadBefore, after: loadAfter },
    cluster: clusterName,
    backend: {
      what: 'packages/backend (the demo backend), its own process',
      configFiles: backend.configFiles,
      startMs: backend.startMs,
    },
    user: ctx?.user.userEntityRef ?? 'unknown',
    accessCheck: { how: access.how, kubectl: access.kubectl },
    creators,
    runs: rows,
    medians: {
      verifiedReady,
      apiReady: summarize(timed.map(r => r.environment.apiReadyMs)),
      readBack: summarize(timed.map(r => r.environment.readBackMs)),
      quotaInForce: summarize(timed.map(r => r.environment.quotaInForceMs)),
      kubeconfig: summarize(timed.map(r => r.environment.kubeconfigMs)),
      canI: summarize(timed.map(r => r.environment.canIMs)),
      bareNamespace,
      bareApi: summarize(timed.map(r => r.bare.apiMs)),
    },
    steps: {
      issueKubeconfig: summarize(
        timed.map(r => r.environment.kubeconfigMs - r.environment.apiReadyMs),
      ),
      accessCheck: summarize(
        timed.map(r => r.environment.canIMs - r.environment.kubeconfigMs),
      ),
      readBackAfterReady: summarize(
        timed.map(r => r.environment.quotaInForceMs - r.environment.apiReadyMs),
      ),
    },
    targetMs: TARGET_MS,
    history: earlierResults(),
    cleanupFailures,
    summary,
  };
  publishResult(
    'devenv',
    'Development environments',
    result,
    renderDevenvSection(result),
    log,
  );
}

/** The provisioner refuses an owner the catalog does not know; the catalog fills in after start. */
async function waitForCatalogEntity(
  user: Awaited<ReturnType<typeof signInAsGuest>>,
  ref: string,
  timeoutMs = 180_000,
) {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const res = await user.fetch(
      `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    );
    await res.arrayBuffer();
    if (res.ok) return;
    if (performance.now() > deadline) {
      throw new Error(
        `the catalog did not list ${ref} within ${timeoutMs / 1000} s`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

runBench('devenv', main);
