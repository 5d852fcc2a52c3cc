import { mockServices } from '@backstage/backend-test-utils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  fleetClusters,
  fleetProvisioner,
  waitUntilGone,
} from '@kubeplatform/plugin-devenv-node/testUtils';
import { testEntityProvider } from './__testUtils__/testEntityProvider';

jest.setTimeout(60_000);
const CLUSTER = 'dev-eu';

function setup(fleet: LocalFleet, unreachable: string[] = []) {
  const clusters = fleetClusters(
    fleet,
    Object.fromEntries(
      unreachable.map(n => [
        n,
        () => {
          const kc = fleet.cluster(n).kubeConfig();
          kc.clusters = kc.clusters.map(c => ({
            ...c,
            server: 'https://127.0.0.1:1',
          }));
          return kc;
        },
      ]),
    ),
  );
  const provisioner = fleetProvisioner(fleet, { clusters });
  return {
    provisioner,
    ...testEntityProvider(provisioner, clusters, mockServices.logger.mock()),
  };
}

function lastEntities(connection: { applyMutation: jest.Mock }) {
  const calls = connection.applyMutation.mock.calls;
  return calls[calls.length - 1][0].entities.map((e: any) => e.entity);
}

it('publishes an environment as a dev-environment Resource and removes it when the environment goes', async () => {
  const name = `it-cat-${Date.now().toString(36)}`;
  const fleet = await loadLocalFleet();
  const { provisioner, connection, provider } = setup(fleet);
  await provider.connect(connection as unknown as EntityProviderConnection);
  await provisioner.create({
    name,
    owner: 'group:default/team-a',
    class: 'namespace',
    cluster: CLUSTER,
    ttl: '1h',
  });
  try {
    await provider.refresh();
    const entities = lastEntities(connection);
    const env = entities.find(
      (e: any) => e.metadata.name === `${name}.${CLUSTER}`,
    );
    expect(env).toMatchObject({
      kind: 'Resource',
      spec: {
        type: 'dev-environment',
        owner: 'group:default/team-a',
        dependsOn: [`resource:default/${CLUSTER}`],
      },
      metadata: {
        annotations: {
          'kubeplatform.io/cluster': CLUSTER,
          'kubeplatform.io/class': 'namespace',
          'kubeplatform.io/expires-at': expect.any(String),
          'backstage.io/kubernetes-namespace': name,
        },
      },
    });
    expect(
      entities.find((e: any) => e.metadata.name === CLUSTER),
    ).toMatchObject({
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/platform-team',
      },
    });
    expect(connection.applyMutation.mock.calls[0][0].type).toBe('full');

    // A cluster that cannot be read keeps its last known environments.
    const cut = setup(fleet, [CLUSTER]);
    await cut.provider.connect(
      cut.connection as unknown as EntityProviderConnection,
    );
    (cut.provider as any).lastKnown = (provider as any).lastKnown;
    await cut.provider.refresh();
    expect(
      lastEntities(cut.connection).map((e: any) => e.metadata.name),
    ).toContain(`${name}.${CLUSTER}`);
  } finally {
    await provisioner.delete(CLUSTER, name);
  }
  await waitUntilGone(fleet.cluster(CLUSTER).kubeConfig(), name);
  await provider.refresh();
  expect(
    lastEntities(connection).map((e: any) => e.metadata.name),
  ).not.toContain(`${name}.${CLUSTER}`);
});
