import { mockServices } from '@backstage/backend-test-utils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { loadLocalFleet } from '@kubeplatform/local-clusters';
import {
  fleetClusters,
  fleetProvisioner,
  namespaceClassSettings,
  startTarpit,
} from '@kubeplatform/plugin-devenv-node/testUtils';
import { testEntityProvider } from './__testUtils__/testEntityProvider';

/*
 * Issue 11, finding 7: one cluster that accepts connections and never answers must not stall
 * the catalog provider's refresh for every other cluster.
 */

jest.setTimeout(60_000);

it('attack: a cluster that accepts connections and never answers leaves the catalog refresh completing within the cluster timeout, keeping that cluster as last known', async () => {
  const fleet = await loadLocalFleet();
  const tarpit = await startTarpit();
  const clusters = fleetClusters(fleet, {}, [tarpit]);
  const logger = mockServices.logger.mock();
  const provisioner = fleetProvisioner(fleet, {
    clusters,
    settings: namespaceClassSettings({ clusterTimeout: '3s' }),
  });
  const { connection, provider } = testEntityProvider(
    provisioner,
    clusters,
    logger,
  );
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
    tarpit.close();
  }
});
