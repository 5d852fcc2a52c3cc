import { mockServices } from '@backstage/backend-test-utils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { KubeConfig } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  EnvironmentAccessPolicy,
  EnvironmentProvisioner,
  parseDevenvSettings,
} from '@kubeplatform/plugin-devenv-node';
import net from 'node:net';
import { DevenvEntityProvider } from './DevenvEntityProvider';

/*
 * Issue 11, finding 7: one cluster that accepts connections and never answers must not stall
 * the catalog provider's refresh for every other cluster.
 */

jest.setTimeout(60_000);
let fleet: LocalFleet;

beforeAll(async () => {
  fleet = await loadLocalFleet();
});

it('attack: a cluster that accepts connections and never answers leaves the catalog refresh completing within the cluster timeout, keeping that cluster as last known', async () => {
  const sockets = new Set<net.Socket>();
  const tarpit = net.createServer(socket => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>(resolve => tarpit.listen(0, '127.0.0.1', resolve));
  const port = (tarpit.address() as net.AddressInfo).port;
  const details = [
    ...fleet.clusters.map(c => ({
      name: c.name,
      url: c.server,
      source: 'kubeconfig' as const,
    })),
    {
      name: 'tarpit',
      url: `https://127.0.0.1:${port}`,
      source: 'kubeconfig' as const,
    },
  ];
  const logger = mockServices.logger.mock();
  const provisioner = new EnvironmentProvisioner({
    clusters: {
      listClusters: async () => details,
      getCluster: async n => details.find(d => d.name === n),
      getKubeConfig: async n => {
        if (n !== 'tarpit') return fleet.cluster(n).kubeConfig();
        const kc = new KubeConfig();
        kc.loadFromOptions({
          clusters: [
            {
              name: 'tarpit',
              server: `https://127.0.0.1:${port}`,
              skipTLSVerify: true,
            },
          ],
          users: [{ name: 'u', token: 't' }],
          contexts: [{ name: 'c', cluster: 'tarpit', user: 'u' }],
          currentContext: 'c',
        });
        return kc;
      },
    },
    settings: parseDevenvSettings({
      classes: [{ name: 'namespace', type: 'namespace' }],
      clusterTimeout: '3s',
    }),
    logger: mockServices.logger.mock(),
    platformUrl: 'http://localhost:7007/api/devenv',
  });
  const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
  const provider = new DevenvEntityProvider({
    provisioner,
    access: EnvironmentAccessPolicy.fromSettings(provisioner.settings, {
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      userInfo: mockServices.userInfo(),
    }),
    listClusters: async () => details,
    clusterOwner: 'group:default/platform-team',
    logger,
  });
  await provider.connect(connection as unknown as EntityProviderConnection);
  try {
    const started = Date.now();
    const outcome = await Promise.race([
      provider.refresh().then(() => 'refreshed' as const),
      new Promise<'stalled'>(resolve =>
        setTimeout(() => resolve('stalled'), 20_000),
      ),
    ]);
    expect(outcome).toBe('refreshed');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Keeping last known environments of cluster tarpit: .*timed out/,
      ),
    );
  } finally {
    sockets.forEach(s => s.destroy());
    tarpit.close();
  }
});
