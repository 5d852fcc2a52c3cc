import {
  coreServices,
  createServiceFactory,
  type BackendFeature,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import { clustersServiceRef } from '@kubeplatform/clusters-node';
import type { LocalFleet } from '@kubeplatform/local-clusters';
import {
  fleetConfig,
  startFleetBackend,
} from '@kubeplatform/plugin-clusters-backend/testUtils';
import { environmentProvisionerServiceRef } from '@kubeplatform/plugin-devenv-node';
import {
  fleetProvisioner,
  namespaceClassSettings,
  type FleetProvisionerOptions,
} from '@kubeplatform/plugin-devenv-node/testUtils';
import { devenvPlugin } from '../plugin';

/**
 * The provisioner's `settings` (here the namespace class and no reaper by default) and
 * `ownerExists` as `fleetProvisioner` takes them.
 */
export interface DevenvFleetBackendOptions
  extends Pick<FleetProvisionerOptions, 'settings' | 'ownerExists'> {
  /** Root config next to the fleet's, e.g. `{ app: { baseUrl } }`. */
  config?: object;
  /** Features next to the devenv plugin and its provisioner. */
  features?: BackendFeature[];
  /** The backend's logger, and the provisioner's; the root logger serves the provisioner if omitted. */
  logger?: LoggerService;
}

/**
 * A test backend with the devenv plugin over the local fleet (backend tokens), its provisioner
 * reaching the clusters through the clusters service.
 */
export function startDevenvFleetBackend(
  fleet: LocalFleet,
  options: DevenvFleetBackendOptions = {},
) {
  const { logger } = options;
  return startFleetBackend({
    config: {
      ...fleetConfig(
        fleet.clusters.map(cluster => ({ cluster, token: 'backend' as const })),
      ),
      ...options.config,
    },
    features: [
      devenvPlugin,
      ...(options.features ?? []),
      ...(logger
        ? [
            createServiceFactory({
              service: coreServices.logger,
              deps: {},
              factory: () => logger,
            }),
          ]
        : []),
      createServiceFactory({
        service: environmentProvisionerServiceRef,
        deps: {
          clusters: clustersServiceRef,
          rootLogger: coreServices.rootLogger,
        },
        factory: ({ clusters, rootLogger }) =>
          fleetProvisioner(fleet, {
            clusters,
            settings:
              options.settings ??
              namespaceClassSettings({ reaper: { enabled: false } }),
            logger: logger ?? rootLogger,
            ownerExists: options.ownerExists,
          }),
      }),
    ],
  });
}
