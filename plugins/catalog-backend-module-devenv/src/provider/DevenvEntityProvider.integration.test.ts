import { mockServices } from '@backstage/backend-test-utils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  EnvironmentAccessPolicy,
  EnvironmentProvisioner,
  parseDevenvSettings,
} from '@kubeplatform/plugin-devenv-node';
import { DevenvEntityProvider } from './DevenvEntityProvider';

jest.setTimeout(60_000);
const CLUSTER = 'dev-eu';
let fleet: LocalFleet;

beforeAll(async () => {
  fleet = await loadLocalFleet();
});

function setup(unreachable: string[] = []) {
  const details = fleet.clusters.map(c => ({
    name: c.name,
    title: c.title,
    region: c.region,
    environment: c.environment,
    url: c.server,
    source: 'kubeconfig' as const,
  }));
  const provisioner = new EnvironmentProvisioner({
    clusters: {
      listClusters: async () => details,
      getCluster: async n => details.find(d => d.name === n),
      getKubeConfig: async n => {
        const kc = fleet.cluster(n).kubeConfig();
        if (unreachable.includes(n)) {
          kc.clusters = kc.clusters.map(c => ({
            ...c,
            server: 'https://127.0.0.1:1',
          }));
        }
        return kc;
      },
    },
    settings: parseDevenvSettings({
      classes: [{ name: 'namespace', type: 'namespace' }],
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
    logger: mockServices.logger.mock(),
  });
  return { provisioner, connection, provider };
}

function lastEntities(connection: { applyMutation: jest.Mock }) {
  const calls = connection.applyMutation.mock.calls;
  return calls[calls.length - 1][0].entities.map((e: any) => e.entity);
}

it('publishes an environment as a dev-environment Resource and removes it when the environment goes', async () => {
  const name = `it-cat-${Date.now().toString(36)}`;
  const { provisioner, connection, provider } = setup();
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
    const cut = setup([CLUSTER]);
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
  const core = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(CoreV1Api);
  for (let i = 0; i < 240; i++) {
    const gone = await core.readNamespace({ name }).then(
      () => false,
      () => true,
    );
    if (gone) break;
    await new Promise(r => setTimeout(r, 250));
  }
  await provider.refresh();
  expect(
    lastEntities(connection).map((e: any) => e.metadata.name),
  ).not.toContain(`${name}.${CLUSTER}`);
});
