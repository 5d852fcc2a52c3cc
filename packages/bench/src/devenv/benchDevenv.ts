/**
 * `yarn bench:devenv`: time from request to Ready of a `namespace`-class environment on the
 * local dev-eu cluster, beside a bare namespace create (the whole job of the community
 * `kubernetes:create-namespace` action), in the same run and interleaved.
 */
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { loadLocalFleet } from '@kubeplatform/local-clusters';
import {
  EnvironmentProvisioner,
  parseDevenvSettings,
} from '@kubeplatform/plugin-devenv-node';
import { performance } from 'node:perf_hooks';

const CLUSTER = 'dev-eu';
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TARGET_MS = 1500;

const silentLogger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function waitUntilGone(core: CoreV1Api, name: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const gone = await core.readNamespace({ name }).then(
      () => false,
      () => true,
    );
    if (gone) return;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`namespace ${name} was not removed within 60 s`);
}

async function main() {
  const fleet = await loadLocalFleet();
  const local = fleet.cluster(CLUSTER);
  const kubeConfig = (): KubeConfig => local.kubeConfig();
  const core = kubeConfig().makeApiClient(CoreV1Api);
  const details = {
    name: local.name,
    url: local.server,
    source: 'kubeconfig' as const,
  };
  const provisioner = new EnvironmentProvisioner({
    clusters: {
      listClusters: async () => [details],
      getCluster: async name => (name === CLUSTER ? details : undefined),
      getKubeConfig: async () => kubeConfig(),
    },
    settings: parseDevenvSettings({
      classes: [{ name: 'namespace', type: 'namespace' }],
    }),
    logger: silentLogger,
    platformUrl: 'http://localhost:7007/api/devenv',
  });

  const stamp = Date.now().toString(36);
  const devenvMs: number[] = [];
  const bareMs: number[] = [];
  const cleanup: Array<() => Promise<void>> = [];

  // Run 0 warms connections and caches on both paths and is not counted.
  for (let run = 0; run <= RUNS; run++) {
    const envName = `bench-env-${stamp}-${run}`;
    const bareName = `bench-ns-${stamp}-${run}`;

    let started = performance.now();
    const { environment } = await provisioner.create({
      name: envName,
      owner: 'user:default/bench',
      class: 'namespace',
      cluster: CLUSTER,
      ttl: '10m',
    });
    const devenv = performance.now() - started;
    if (environment.status !== 'ready') {
      throw new Error(`${environment.ref} ended ${environment.status}`);
    }

    started = performance.now();
    await core.createNamespace({ body: { metadata: { name: bareName } } });
    const bare = performance.now() - started;

    if (run > 0) {
      devenvMs.push(devenv);
      bareMs.push(bare);
    }
    process.stdout.write(
      `run ${run}${
        run === 0 ? ' (warm-up)' : ''
      }: namespace class ${devenv.toFixed(1)} ms, bare namespace ${bare.toFixed(
        1,
      )} ms\n`,
    );
    cleanup.push(
      async () => {
        await provisioner.delete(CLUSTER, envName);
        await waitUntilGone(core, envName);
      },
      async () => {
        await core.deleteNamespace({ name: bareName });
        await waitUntilGone(core, bareName);
      },
    );
  }

  await Promise.all(cleanup.map(step => step()));

  const devenv = median(devenvMs);
  const bare = median(bareMs);
  process.stdout.write(
    [
      `cluster ${CLUSTER}, ${RUNS} runs each, medians:`,
      `  namespace class (namespace, quota, limits, policy, service account, binding; ready): ${devenv.toFixed(
        1,
      )} ms (min ${Math.min(...devenvMs).toFixed(1)}, max ${Math.max(
        ...devenvMs,
      ).toFixed(1)})`,
      `  bare namespace create (community kubernetes:create-namespace): ${bare.toFixed(
        1,
      )} ms (min ${Math.min(...bareMs).toFixed(1)}, max ${Math.max(
        ...bareMs,
      ).toFixed(1)})`,
      `  target for the namespace class: <= ${TARGET_MS} ms: ${
        devenv <= TARGET_MS ? 'met' : 'MISSED'
      }`,
      `devenv: ready(namespace class)=${Math.round(
        devenv,
      )} ms; bare-namespace=${Math.round(bare)} ms`,
      '',
    ].join('\n'),
  );
}

main().catch(error => {
  process.stderr.write(`bench:devenv failed: ${(error as Error).message}\n`);
  process.exit(1);
});
