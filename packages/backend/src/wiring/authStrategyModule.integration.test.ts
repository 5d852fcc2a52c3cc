import { mockCredentials } from '@backstage/backend-test-utils';
import type { EntityView } from '@kubeplatform/clusters-common';
import type { ClusterAuthStrategy } from '@kubeplatform/clusters-node';
import multiclusterPlugin from '@kubeplatform/plugin-multicluster-backend';
import devenvPlugin from '@kubeplatform/plugin-devenv-backend';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  FleetBackend,
  fleetConfig,
  serviceEntity,
  startFleetBackend,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { authStrategyModule } from './__testUtils__/authStrategyModule';

/**
 * An auth strategy installed as a module of the `clusters` plugin is the one every plugin uses:
 * the service view and the environment API reach clusters configured with its authProvider.
 */
jest.setTimeout(90_000);

const AUTH_PROVIDER = 'localFleetToken';

let fleet: LocalFleet;
let backend: FleetBackend;
const credentialsFor: string[] = [];

/** Serves the local fleet's `backend` service-account token and records who asked. */
function localFleetTokens(): ClusterAuthStrategy {
  return {
    validateCluster: () => [],
    getCredential: async cluster => {
      credentialsFor.push(cluster.name);
      return {
        type: 'bearer token',
        token: fleet.cluster(cluster.name).tokens.backend,
      };
    },
  };
}

const localFleetAuthModule = authStrategyModule(
  'local-fleet-auth',
  AUTH_PROVIDER,
  localFleetTokens,
);

beforeAll(async () => {
  fleet = await loadLocalFleet();
  const clusters = ['dev-eu', 'prod-us'].map(name => fleet.cluster(name));
  backend = await startFleetBackend({
    config: fleetConfig(
      clusters.map(cluster => ({ cluster, authProvider: AUTH_PROVIDER })),
      {
        devenv: {
          classes: [{ name: 'namespace', type: 'namespace' }],
          reaper: { enabled: false },
        },
      },
    ),
    entities: [serviceEntity('checkout')],
    features: [localFleetAuthModule, multiclusterPlugin, devenvPlugin],
  });
  await backend.cache.waitForSync(20_000);
});

afterAll(async () => {
  await backend?.stop();
});

describe('an auth strategy module on the clusters plugin', () => {
  it('gives the service view its credentials', async () => {
    const res = await fetch(
      `${backend.apiUrl('multicluster')}/entities/component/default/checkout`,
    );
    expect(res.status).toBe(200);
    const view = (await res.json()) as EntityView;
    expect(view.clusters.map(c => c.cluster.name).sort()).toEqual([
      'dev-eu',
      'prod-us',
    ]);
    for (const cluster of view.clusters) {
      expect(cluster.sync.state).toBe('ok');
      expect(
        cluster.workloads.some(
          w => w.kind === 'Deployment' && w.name === 'checkout',
        ),
      ).toBe(true);
    }
    expect(new Set(credentialsFor)).toEqual(new Set(['dev-eu', 'prod-us']));
  });

  it('gives the environment API its credentials', async () => {
    credentialsFor.length = 0;
    const res = await fetch(`${backend.apiUrl('devenv')}/environments`, {
      headers: {
        Authorization: mockCredentials.user.header('user:default/alice'),
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: unknown[];
      errors: Array<{ cluster: string; message: string }>;
    };
    expect(body.errors).toEqual([]);
    expect(new Set(credentialsFor)).toEqual(new Set(['dev-eu', 'prod-us']));
  });

  it('is needed: without it, the backend refuses to start and names the cluster and provider', async () => {
    await expect(
      startFleetBackend({
        config: fleetConfig(
          [{ cluster: fleet.cluster('dev-eu'), authProvider: AUTH_PROVIDER }],
          { devenv: { reaper: { enabled: false } } },
        ),
        features: [devenvPlugin],
      }),
    ).rejects.toThrow(
      `cluster 'dev-eu' uses authProvider '${AUTH_PROVIDER}', for which no auth strategy is installed`,
    );
  });
});

describe('a second registration on the clusters extension points', () => {
  it('fails startup with a message naming the extension point and the authProvider', async () => {
    const again = authStrategyModule(
      'local-fleet-auth-again',
      AUTH_PROVIDER,
      localFleetTokens,
    );
    await expect(
      startFleetBackend({
        config: fleetConfig([
          { cluster: fleet.cluster('dev-eu'), authProvider: AUTH_PROVIDER },
        ]),
        features: [localFleetAuthModule, again],
      }),
    ).rejects.toThrow(
      `kubeplatform.clusters.auth-strategy: an auth strategy for authProvider '${AUTH_PROVIDER}' is already registered`,
    );
  });
});
