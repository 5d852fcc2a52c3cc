import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { clustersServiceRef } from '@kubeplatform/clusters-node';
import { environmentProvisionerServiceRef } from '@kubeplatform/plugin-devenv-node';
import { DevenvEntityProvider } from './provider/DevenvEntityProvider';

/** Publishes environments and clusters as catalog Resources, refreshed on a schedule. */
export const catalogModuleDevenv = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kubeplatform-devenv',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        provisioner: environmentProvisionerServiceRef,
        clusters: clustersServiceRef,
      },
      async init({ catalog, logger, scheduler, provisioner, clusters }) {
        const provider = new DevenvEntityProvider({
          provisioner,
          listClusters: () => clusters.listClusters(),
          clusterOwner: provisioner.settings.catalog.clusterOwner,
          logger,
          schedule: scheduler.createScheduledTaskRunner({
            scope: 'global',
            frequency: { seconds: 30 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 5 },
          }),
        });
        catalog.addEntityProvider(provider);
      },
    });
  },
});
