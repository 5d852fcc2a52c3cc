import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import { ChildProcess, spawn } from 'node:child_process';
import { startFleetBackend } from './testUtils';
import { kubectlDeploymentNames } from './__testUtils__/kubectlDeploymentNames';

/**
 * `type: localKubectlProxy`: a real `kubectl proxy` on its default port 8001 in front of dev-eu,
 * found by the locator as the cluster `local`, reached without credentials.
 */
jest.setTimeout(90_000);

let fleet: LocalFleet;
let proxy: ChildProcess;

const kubectlArgs = () => [
  `--kubeconfig=${fleet.kubeconfigPath}`,
  `--context=${fleet.cluster('dev-eu').context}`,
];

beforeAll(async () => {
  fleet = await loadLocalFleet();
  proxy = spawn(
    'kubectl',
    [...kubectlArgs(), 'proxy', '--port=8001', '--address=127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // kubectl prints this line once it accepts connections.
  await new Promise<void>((resolve, reject) => {
    let output = '';
    proxy.stdout!.on('data', chunk => {
      output += chunk;
      if (output.includes('Starting to serve on')) resolve();
    });
    proxy.stderr!.on('data', chunk => {
      output += chunk;
    });
    proxy.on('exit', code =>
      reject(new Error(`kubectl proxy exited with ${code}: ${output}`)),
    );
  });
});

afterAll(() => {
  proxy?.kill();
});

it('lists the cluster local and reads it through kubectl proxy', async () => {
  const backend = await startFleetBackend({
    config: {
      backend: { baseUrl: 'http://localhost:7007' },
      kubernetes: { clusterLocatorMethods: [{ type: 'localKubectlProxy' }] },
      kubeplatform: { watchCache: { healthCheckSeconds: 0 } },
    },
  });
  try {
    expect(await backend.clusters.listClusters()).toEqual([
      expect.objectContaining({ name: 'local', url: 'http://127.0.0.1:8001' }),
    ]);
    await backend.cache.waitForSync(30_000);
    const cache = backend.cache.get('local')!;
    expect(cache.status()).toMatchObject({ state: 'ok' });
    const cached = cache
      .list('deployments', 'shop')
      .map(d => d.metadata?.name)
      .sort();
    const listed = kubectlDeploymentNames(kubectlArgs(), 'shop').sort();
    expect(cached.length).toBeGreaterThan(0);
    expect(cached).toEqual(listed);
  } finally {
    await backend.stop();
  }
});
