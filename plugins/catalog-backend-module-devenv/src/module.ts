import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { clustersServiceRef } from '@kubeplatform/clusters-node';
import {
  environmentAccessPolicyServiceRef,
  environmentProvisionerServiceRef,
} from '@kubeplatform/plugin-devenv-node';
import { DevenvEntityProvider } from './provider/DevenvEntityProvider';
import { readProviderSchedule } from './provider/readProviderSchedule';

/**
 * Publishes environments and clusters as catalog Resources, refreshed on the schedule in
 * `catalog.providers.kubeplatformDevenv.schedule` (default every 30 seconds).
 *
 * @public
 */
export const catalogModuleDevenv = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kubeplatform-devenv',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        provisioner: environmentProvisionerServiceRef,
        access: environmentAccessPolicyServiceRef,
        clusters: clustersServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        provisioner,
        access,
        clusters,
      }) {
        const provider = new DevenvEntityProvider({
          provisioner,
          access,
          listClusters: () => clusters.listClusters(),
          clusterOwner: provisioner.settings.catalog.clusterOwner,
          logger,
          schedule: scheduler.createScheduledTaskRunner({
            scope: 'global',
            ...readProviderSchedule(config),
          }),
        });
        catalog.addEntityProvider(provider);
      },
    });
  },
});
