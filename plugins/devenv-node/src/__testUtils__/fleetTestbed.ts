import { mockServices } from '@backstage/backend-test-utils';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import { testSettings } from '../__fixtures__/settings';
import { fleetProvisioner, FleetProvisionerOptions } from '../testUtils';

/** The local fleet, with admin credentials for `cluster` and a core client on them. */
export async function connectFleet(cluster: string): Promise<{
  fleet: LocalFleet;
  admin: KubeConfig;
  core: CoreV1Api;
}> {
  const fleet = await loadLocalFleet();
  const admin = fleet.cluster(cluster).kubeConfig();
  return { fleet, admin, core: admin.makeApiClient(CoreV1Api) };
}

/** Deletes whatever namespaces a failed assertion left behind. */
export async function deleteNamespaces(
  core: CoreV1Api,
  names: Iterable<string>,
): Promise<void> {
  await Promise.all(
    [...names].map(name =>
      core.deleteNamespace({ name }).catch(() => undefined),
    ),
  );
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
export function namespaceRequest(
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
