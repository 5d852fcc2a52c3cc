import { mockServices } from '@backstage/backend-test-utils';
import {
  CoreV1Api,
  KubeConfig,
  V1ResourceQuota,
} from '@kubernetes/client-node';
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

/** The fleet connection of a test file, with what its tests create there. */
export interface FleetTestbed extends FleetConnection {
  /** Namespaces deleted after all tests, in case a failed assertion left them behind. */
  cleanup: Set<string>;
  /** A namespace request by alice on the testbed's cluster; its name goes into `cleanup`. */
  request(
    name: string,
    extra?: Record<string, unknown>,
  ): ReturnType<typeof namespaceRequest>;
  /** The ResourceQuota the namespace class puts into an environment's namespace. */
  readQuota(namespace: string): Promise<V1ResourceQuota>;
}

/**
 * Registers hooks that connect to the fleet before all tests (handing the connection to
 * `connected`, when given) and, after all tests, delete the namespaces in `cleanup` that a
 * failed assertion left behind. The testbed's `fleet`, `admin` and `core` are the connection's,
 * once it is made.
 */
export function useFleet(
  cluster: string,
  connected?: (connection: FleetConnection) => void,
): FleetTestbed {
  const cleanup = new Set<string>();
  let connection: FleetConnection | undefined;
  const connectionOf = () => {
    if (!connection) throw new Error(`not connected to ${cluster} yet`);
    return connection;
  };
  beforeAll(async () => {
    connection = await connectFleet(cluster);
    connected?.(connection);
  });
  afterAll(async () => {
    if (connection) await deleteNamespaces(connection.core, cleanup);
  });
  return {
    get fleet() {
      return connectionOf().fleet;
    },
    get admin() {
      return connectionOf().admin;
    },
    get core() {
      return connectionOf().core;
    },
    cleanup,
    request(name: string, extra: Record<string, unknown> = {}) {
      cleanup.add(name);
      return namespaceRequest(name, cluster, extra);
    },
    readQuota(namespace: string) {
      return connectionOf().core.readNamespacedResourceQuota({
        name: 'devenv-quota',
        namespace,
      });
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
