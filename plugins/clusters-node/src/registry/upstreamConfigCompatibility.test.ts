import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DefaultClustersService } from '../DefaultClustersService';
import { startFakeGoogleContainerApi } from '../__testUtils__/fakeGoogleContainerApi';
import { readWatchCacheOptions } from '../cache/WatchCache';
import { builtInAuthStrategies } from './builtInAuthStrategies';
import { checkClusterConfig } from './checkClusterConfig';
import { ClustersConfigReport } from './configReport';
import { configuredClusterSuppliers } from './configuredClusterSuppliers';

/*
 * Every `kubernetes:` example block of Backstage's Kubernetes configuration documentation
 * (docs/features/kubernetes/configuration.md), copied verbatim into __fixtures__/upstream-config
 * with its source named, fed to the clusters service as the clusters plugin does at startup.
 */

const FIXTURES = path.join(__dirname, '..', '__fixtures__', 'upstream-config');

/** The environment the examples refer to, substituted as Backstage's config loader does. */
const ENV: Record<string, string> = {
  K8S_MINIKUBE_TOKEN: 'minikube-token',
  K8S_CONFIG_CA_DATA: Buffer.from('CA').toString('base64'),
  AUTH_OKTA_CLIENT_ID: 'client-id',
  AUTH_OKTA_CLIENT_SECRET: 'client-secret',
  AUTH_OKTA_AUDIENCE: 'https://okta.example.com',
};

function loadFixture(name: string): ConfigReader {
  const text = fs
    .readFileSync(path.join(FIXTURES, name), 'utf8')
    .replace(/\$\{(\w+)\}/g, (_, v: string) => ENV[v]);
  return new ConfigReader(parse(text));
}

let google: Awaited<ReturnType<typeof startFakeGoogleContainerApi>>;
beforeAll(async () => {
  // gke locators list from a stand-in for Google's API (see __fixtures__/gke/README.md).
  google = await startFakeGoogleContainerApi();
});
afterAll(async () => {
  await google.close();
});

async function startClustersService(config: ConfigReader) {
  const logger = mockServices.logger.mock();
  const suppliers = configuredClusterSuppliers(config, {
    logger,
    gkeClient: google.client,
  });
  const strategies = builtInAuthStrategies({ config, logger });
  const report = await checkClusterConfig(config, suppliers, strategies);
  const registry = DefaultClustersService.awaitingConfiguration(config, logger);
  registry.configure({ suppliers, authStrategies: strategies });
  const listed = await registry.listClusters();
  const clusters = listed.map(c => c.name);
  const authModes = Object.fromEntries(listed.map(c => [c.name, c.authMode]));
  return { report, clusters, authModes, registry };
}

/**
 * Starts the service on a fixture that defines no clusters: it lists none and reports nothing.
 * Returns the watch cache options the fixture configures.
 */
async function startWithNoClusters(fixture: string) {
  const config = loadFixture(fixture);
  const { report, clusters } = await startClustersService(config);
  expect(clusters).toEqual([]);
  expect(report).toEqual<ClustersConfigReport>({
    clusters: [],
    unsupportedKeys: [],
  });
  return readWatchCacheOptions(config);
}

describe("Backstage's Kubernetes configuration examples", () => {
  it('full-example.yaml: starts, lists minikube and aws-cluster-1 as service-level and the gke locator clusters as user-level (google), nothing unsupported', async () => {
    const { report, clusters, authModes, registry } =
      await startClustersService(loadFixture('full-example.yaml'));
    // The gke locator asks for projectId gke-clusters, region europe-west1; the recorded answer
    // has prod-eu and staging-eu there (and new-eu, which has no endpoint yet).
    expect(clusters).toEqual([
      'minikube',
      'aws-cluster-1',
      'prod-eu',
      'staging-eu',
    ]);
    expect(google.listCalls()).toContain(
      '/v1/projects/gke-clusters/locations/europe-west1/clusters',
    );
    expect(authModes).toEqual({
      minikube: 'service',
      'aws-cluster-1': 'service',
      'prod-eu': 'user',
      'staging-eu': 'user',
    });
    // skipMetricsLookup is honoured: the watch cache asks these clusters for no pod metrics.
    expect(await registry.getCluster('minikube')).toMatchObject({
      skipMetricsLookup: true,
    });
    expect(await registry.getCluster('prod-eu')).toMatchObject({
      source: 'gke',
      skipMetricsLookup: true,
      dashboardApp: 'gke',
      dashboardParameters: {
        projectId: 'gke-clusters',
        region: 'europe-west1',
        clusterName: 'prod-eu',
      },
    });
    // Startup does not call Google: gke clusters are listed once the registry reads them.
    expect(report).toEqual<ClustersConfigReport>({
      clusters: [
        {
          name: 'minikube',
          authProvider: 'serviceAccount',
          authMode: 'service',
        },
        { name: 'aws-cluster-1', authProvider: 'aws', authMode: 'service' },
      ],
      unsupportedKeys: [],
    });
  });

  it('oidc-token-provider.yaml: starts, lists test-cluster in user mode, nothing unsupported', async () => {
    const { report, clusters } = await startClustersService(
      loadFixture('oidc-token-provider.yaml'),
    );
    expect(clusters).toEqual(['test-cluster']);
    expect(report).toEqual<ClustersConfigReport>({
      clusters: [
        { name: 'test-cluster', authProvider: 'oidc', authMode: 'user' },
      ],
      unsupportedKeys: [],
    });
  });

  it('dashboard-parameters.yaml: fails startup as upstream does, the cluster has no authProvider', async () => {
    // The documentation's example omits authProvider; upstream's ConfigClusterLocator rejects it
    // with this same message, so an installation cannot have run it as is.
    await expect(
      startClustersService(loadFixture('dashboard-parameters.yaml')),
    ).rejects.toThrow(
      "cluster 'my-cluster' has no auth provider configured; this must be specified via the 'authProvider' or 'authMetadata.kubernetes.io/auth-provider' parameter",
    );
  });

  it('dashboard-parameters.yaml with an authProvider added: honours dashboardApp and dashboardParameters', async () => {
    const config = loadFixture('dashboard-parameters.yaml').get<any>();
    config.kubernetes.clusterLocatorMethods[0].clusters[0].authProvider = 'aws';
    const { report, clusters } = await startClustersService(
      new ConfigReader(config),
    );
    expect(clusters).toEqual(['my-cluster']);
    expect(report.unsupportedKeys).toEqual([]);
  });

  it('custom-resources.yaml: starts with no clusters, honours kubernetes.customResources', async () => {
    const options = await startWithNoClusters('custom-resources.yaml');
    expect(options.customResources).toEqual([
      { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'rollouts' },
    ]);
  });

  it('api-version-overrides.yaml: starts with no clusters, watches CronJobs at batch/v1beta1', async () => {
    const options = await startWithNoClusters('api-version-overrides.yaml');
    expect(options.watchedResources).toContainEqual({
      resource: 'cronjobs',
      apiPrefix: '/apis/batch/v1beta1',
    });
  });

  it('covers every fixture', () => {
    expect(fs.readdirSync(FIXTURES).sort()).toEqual([
      'api-version-overrides.yaml',
      'custom-resources.yaml',
      'dashboard-parameters.yaml',
      'full-example.yaml',
      'oidc-token-provider.yaml',
    ]);
  });
});
