import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { parseDevenvSettings } from '../config/readDevenvSettings';
import type { DevenvSettings } from '../config/settingsSchema';
import type { EnvironmentClusters } from '../provisioner/connectCluster';
import { EnvironmentProvisioner } from '../provisioner/EnvironmentProvisioner';
import type { DevenvFleet } from './DevenvFleet';
import { fleetClusters } from './fleetClusters';

/**
 * Settings with one class, `namespace`, of type namespace; `extra` is merged in before parsing.
 *
 * @public
 */
export function namespaceClassSettings(
  extra: Record<string, unknown> = {},
): DevenvSettings {
  return parseDevenvSettings({
    classes: [{ name: 'namespace', type: 'namespace' }],
    ...extra,
  });
}

/** @public */
export interface FleetProvisionerOptions {
  /** `fleetClusters(fleet)` by default. */
  clusters?: EnvironmentClusters;
  /** `namespaceClassSettings()` by default. */
  settings?: DevenvSettings;
  /** A mock logger by default. */
  logger?: LoggerService;
  /** Every owner exists by default. */
  ownerExists?: (ownerRef: string) => Promise<boolean>;
}

/**
 * A provisioner over the real local fleet with admin credentials.
 *
 * @public
 */
export function fleetProvisioner(
  fleet: DevenvFleet,
  options: FleetProvisionerOptions = {},
): EnvironmentProvisioner {
  return new EnvironmentProvisioner({
    clusters: options.clusters ?? fleetClusters(fleet),
    settings: options.settings ?? namespaceClassSettings(),
    logger: options.logger ?? mockServices.logger.mock(),
    platformUrl: 'http://localhost:7007/api/devenv',
    ownerExists: options.ownerExists ?? (async () => true),
  });
}
