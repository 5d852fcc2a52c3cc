import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { startFakeGoogleContainerApi } from '../__testUtils__/fakeGoogleContainerApi';
import { GkeClusterSupplier } from './GkeClusterSupplier';

/*
 * Upstream's GkeClusterLocator, through Google's own client, against recorded-shape
 * `clusters.list` answers served over HTTP (GKE cannot be reached from here; see
 * src/__fixtures__/gke/README.md).
 */

const caOf = (name: string) =>
  Buffer.from(
    `-----BEGIN CERTIFICATE-----\nMIIC-made-up-ca-for-${name}\n-----END CERTIFICATE-----\n`,
  ).toString('base64');

function gkeConfig(method: object, extra: object = {}) {
  return new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        { type: 'config', clusters: [] },
        { type: 'gke', ...method },
      ],
    },
    ...extra,
  });
}

describe('GkeClusterSupplier', () => {
  let google: Awaited<ReturnType<typeof startFakeGoogleContainerApi>>;
  const logger = mockServices.logger.mock();

  beforeEach(async () => {
    google = await startFakeGoogleContainerApi();
  });
  afterEach(async () => {
    await google.close();
  });

  const suppliers = (config: ConfigReader) =>
    GkeClusterSupplier.fromConfig(config, { logger, client: google.client });

  it('lists every cluster of every region with an endpoint, as upstream, with the CA Google returns', async () => {
    const [gke] = suppliers(gkeConfig({ projectId: 'kp-gke-fleet' }));
    expect(gke.name).toBe('gke:kp-gke-fleet/-');

    const clusters = await gke.getClusters();

    expect(google.listCalls()).toEqual([
      '/v1/projects/kp-gke-fleet/locations/-/clusters',
    ]);
    expect(google.requests[0].auth).toBe('Bearer fake-google-token');
    // new-eu is PROVISIONING and has no endpoint yet.
    expect(clusters).toEqual([
      {
        name: 'prod-eu',
        url: 'https://34.76.10.21',
        source: 'gke',
        authProvider: 'google',
        authMetadata: { 'kubernetes.io/auth-provider': 'google' },
        caData: caOf('prod-eu'),
        skipTLSVerify: false,
      },
      expect.objectContaining({
        name: 'staging-eu',
        url: 'https://35.195.4.77',
        caData: caOf('staging-eu'),
      }),
      expect.objectContaining({ name: 'tools', url: 'https://104.199.50.9' }),
    ]);
  });

  it('honours region, authProvider, skipTLSVerify, skipMetricsLookup, exposeDashboard, matchingResourceLabels and endpointType', async () => {
    const [gke] = suppliers(
      gkeConfig({
        projectId: 'kp-gke-fleet',
        region: 'europe-west1',
        authProvider: 'googleServiceAccount',
        skipTLSVerify: true,
        skipMetricsLookup: true,
        exposeDashboard: true,
        matchingResourceLabels: [
          { key: 'env', value: 'prod' },
          { key: 'team', value: 'platform' },
        ],
        endpointType: 'dns',
      }),
    );

    const clusters = await gke.getClusters();

    expect(google.listCalls()).toEqual([
      '/v1/projects/kp-gke-fleet/locations/europe-west1/clusters',
    ]);
    // staging-eu has env=staging, tools has no labels, new-eu no endpoint.
    expect(clusters).toEqual([
      {
        name: 'prod-eu',
        url: 'https://gke-0a1b2c3d4e5f60718293a4b5c6d7e8f9-123456789012.europe-west1.gke.goog',
        source: 'gke',
        authProvider: 'googleServiceAccount',
        authMetadata: {
          'kubernetes.io/auth-provider': 'googleServiceAccount',
        },
        caData: caOf('prod-eu'),
        skipTLSVerify: true,
        skipMetricsLookup: true,
        dashboardApp: 'gke',
        dashboardParameters: {
          projectId: 'kp-gke-fleet',
          region: 'europe-west1',
          clusterName: 'prod-eu',
        },
      },
    ]);
  });

  it('falls back to the public endpoint when endpointType is dns and the cluster has no DNS endpoint', async () => {
    const [gke] = suppliers(
      gkeConfig({
        projectId: 'kp-gke-fleet',
        endpointType: 'dns',
        matchingResourceLabels: [{ key: 'env', value: 'staging' }],
      }),
    );
    expect((await gke.getClusters()).map(c => c.url)).toEqual([
      'https://35.195.4.77',
    ]);
  });

  it('asks Google again only after clusterRefreshSeconds, and keeps failing until then', async () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const [gke] = suppliers(
        gkeConfig(
          { projectId: 'kp-gke-fleet' },
          { kubeplatform: { watchCache: { clusterRefreshSeconds: 30 } } },
        ),
      );
      await Promise.all([gke.getClusters(), gke.getClusters()]);
      await gke.getClusters();
      expect(google.listCalls()).toHaveLength(1);

      google.failWith(403, 'Required "container.clusters.list" permission');
      now += 30_000;
      await expect(gke.getClusters()).rejects.toThrow(
        /There was an error retrieving clusters from GKE for projectId=kp-gke-fleet region=-.*container\.clusters\.list/,
      );
      await expect(gke.getClusters()).rejects.toThrow(/projectId=kp-gke-fleet/);
      expect(google.listCalls()).toHaveLength(2);

      google.recover();
      now += 30_000;
      expect(await gke.getClusters()).toHaveLength(3);
      expect(google.listCalls()).toHaveLength(3);
    } finally {
      clock.mockRestore();
    }
  });

  it('one supplier per gke locator, named by project and region', () => {
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'gke', projectId: 'a', region: 'europe-west1' },
          { type: 'config', clusters: [] },
          { type: 'gke', projectId: 'b' },
        ],
      },
    });
    expect(suppliers(config).map(s => s.name)).toEqual([
      'gke:a/europe-west1',
      'gke:b/-',
    ]);
  });

  it('bad options fail at startup, naming the key', () => {
    expect(() => suppliers(gkeConfig({ region: 'europe-west1' }))).toThrow(
      "Missing required config value at 'kubernetes.clusterLocatorMethods[1].projectId'",
    );
    expect(() =>
      suppliers(gkeConfig({ projectId: 'p', endpointType: 'private' })),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[1]: Invalid endpointType 'private', must be one of: public, dns",
    );
  });

  it("without a client, creates Google's own with the application default credentials, calling nothing yet", () => {
    const [gke] = GkeClusterSupplier.fromConfig(
      gkeConfig({ projectId: 'kp-gke-fleet', region: 'europe-west1' }),
      { logger },
    );
    expect(gke.name).toBe('gke:kp-gke-fleet/europe-west1');
    expect(google.requests).toEqual([]);
  });
});
