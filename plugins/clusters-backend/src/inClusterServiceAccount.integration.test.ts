import {
  loadLocalFleet,
  LocalCluster,
  LocalFleet,
} from '@kubeplatform/local-clusters';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFleetBackend } from './testUtils';
import { kubectlDeploymentNames } from './__testUtils__/kubectlDeploymentNames';

/**
 * `authProvider: serviceAccount` without a token, as a backend running in a pod has it: the
 * mounted token and CA (written here from the local fleet's backend service account) and
 * KUBERNETES_SERVICE_HOST / _PORT pointing at dev-eu. Config names no url, token or CA.
 */
jest.setTimeout(90_000);

const NAMESPACES = ['shop', 'discovery'];

let fleet: LocalFleet;
let cluster: LocalCluster;
let mountDir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  fleet = await loadLocalFleet();
  cluster = fleet.cluster('dev-eu');
  mountDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-serviceaccount-'));
  fs.writeFileSync(path.join(mountDir, 'token'), cluster.tokens.backend);
  fs.writeFileSync(
    path.join(mountDir, 'ca.crt'),
    Buffer.from(cluster.caData, 'base64'),
  );
  const server = new URL(cluster.server);
  process.env.KUBERNETES_SERVICE_HOST = server.hostname;
  process.env.KUBERNETES_SERVICE_PORT = server.port;
  process.env.KUBEPLATFORM_SERVICE_ACCOUNT_DIR = mountDir;
});

afterAll(() => {
  for (const key of [
    'KUBERNETES_SERVICE_HOST',
    'KUBERNETES_SERVICE_PORT',
    'KUBEPLATFORM_SERVICE_ACCOUNT_DIR',
  ]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  fs.rmSync(mountDir, { recursive: true, force: true });
});

/** What kubectl, as the cluster's admin, lists. */
function deploymentNames(): string[] {
  const args = [
    `--kubeconfig=${fleet.kubeconfigPath}`,
    `--context=${cluster.context}`,
  ];
  return NAMESPACES.flatMap(namespace =>
    kubectlDeploymentNames(args, namespace).map(name => `${namespace}/${name}`),
  ).sort();
}

it('reads a complete view of the cluster with the in-cluster service account', async () => {
  const backend = await startFleetBackend({
    config: {
      backend: { baseUrl: 'http://localhost:7007' },
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [{ name: 'in-cluster', authProvider: 'serviceAccount' }],
          },
        ],
      },
      kubeplatform: { watchCache: { healthCheckSeconds: 0 } },
    },
  });
  try {
    const [details] = await backend.clusters.listClusters();
    expect(details).toMatchObject({
      name: 'in-cluster',
      url: cluster.server,
    });
    await backend.cache.waitForSync(30_000);
    const cache = backend.cache.get('in-cluster')!;
    expect(cache.status().state).toBe('ok');
    const cached = NAMESPACES.flatMap(namespace =>
      cache
        .list('deployments', namespace)
        .map(d => `${namespace}/${d.metadata?.name}`),
    ).sort();
    expect(cached.length).toBeGreaterThan(0);
    expect(cached).toEqual(deploymentNames());
    expect(cache.list('pods', 'shop').length).toBeGreaterThan(0);
  } finally {
    await backend.stop();
  }
});
