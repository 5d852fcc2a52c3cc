import { mockServices } from '@backstage/backend-test-utils';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import { testSettings } from '../__fixtures__/settings';
import { fleetProvisioner, FleetProvisionerOptions } from '../testUtils';

/** The local fleet, with admin credentials for one cluster and a core client on them. */
export interface FleetConnection {
  fleet: LocalFleet;
  admin: KubeConfig;
  core: CoreV1Api;
}

/** The local fleet, with admin credentials for `cluster` and a core client on them. */
async function connectFleet(cluster: string): Promise<FleetConnection> {
  const fleet = await loadLocalFleet();
  const admin = fleet.cluster(cluster).kubeConfig();
  return { fleet, admin, core: admin.makeApiClient(CoreV1Api) };
}

/** Deletes whatever namespaces a failed assertion left behind. */
async function deleteNamespaces(
  core: CoreV1Api,
  names: Iterable<string>,
): Promise<void> {
  await Promise.all(
    [...names].map(name =>
      core.deleteNamespace({ name }).catch(() => undefined),
    ),
  );
}

/**
 * Registers hooks that connect to the fleet before all tests (handing the connection to
 * `connected`) and, after all tests, delete the namespaces in `cleanup` that a failed
 * assertion left behind. `request` builds a namespace request and adds its name to `cleanup`.
 */
export function useFleet(
  cluster: string,
  connected: (connection: FleetConnection) => void,
) {
  const cleanup = new Set<string>();
  let core: CoreV1Api | undefined;
  beforeAll(async () => {
    const connection = await connectFleet(cluster);
    core = connection.core;
    connected(connection);
  });
  afterAll(async () => {
    if (core) await deleteNamespaces(core, cleanup);
  });
  return {
    cleanup,
    request(name: string, extra: Record<string, unknown> = {}) {
      cleanup.add(name);
      return namespaceRequest(name, cluster, extra);
    },
  };
}

/** A provisioner over the fleet with the test classes, and its mock logger. */
export function observedProvisioner(
  fleet: LocalFleet,
  options: FleetProvisionerOptions = {},
) {
  const logger = mockServices.logger.mock();
  return {
    logger,
    provisioner: fleetProvisioner(fleet, {
      settings: testSettings(),
      ...options,
      logger,
    }),
  };
}

/** A request by alice for a namespace environment that lives an hour. */
function namespaceRequest(
  name: string,
  cluster: string,
  extra: Record<string, unknown> = {},
) {
  return {
    name,
    owner: 'user:default/alice',
    class: 'namespace',
    cluster,
    ttl: '1h',
    ...extra,
  };
}
