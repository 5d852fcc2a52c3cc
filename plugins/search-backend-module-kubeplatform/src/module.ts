import {
  coreServices,
  createBackendModule,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  environmentAccessPolicyServiceRef,
  environmentProvisionerServiceRef,
} from '@kubeplatform/plugin-devenv-node';
import { EnvironmentCollatorFactory } from './environments/EnvironmentCollatorFactory';
import { readSchedule } from './readSchedule';
import { multiclusterHttpViewSource } from './workloads/EntityViewSource';
import { WorkloadCollatorFactory } from './workloads/WorkloadCollatorFactory';

/**
 * Search collators for Kubeplatform: workloads (where each catalog entity runs) and
 * development environments. Schedules come from `search.collators.kubeplatformWorkloads` and
 * `search.collators.kubeplatformEnvironments`.
 *
 * @public
 */
export const searchModuleKubeplatform = createBackendModule({
  pluginId: 'search',
  moduleId: 'kubeplatform',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
        provisioner: environmentProvisionerServiceRef,
        access: environmentAccessPolicyServiceRef,
      },
      async init({
        config,
        logger,
        auth,
        discovery,
        scheduler,
        catalog,
        indexRegistry,
        provisioner,
        access,
      }) {
        const addCollator = (
          key: string,
          schedule: Pick<
            SchedulerServiceTaskScheduleDefinition,
            'frequency' | 'timeout'
          >,
          factory: DocumentCollatorFactory,
        ) =>
          indexRegistry.addCollator({
            schedule: scheduler.createScheduledTaskRunner(
              readSchedule(config, key, {
                ...schedule,
                initialDelay: { seconds: 20 },
              }),
            ),
            factory,
          });
        addCollator(
          'kubeplatformWorkloads',
          { frequency: { minutes: 5 }, timeout: { minutes: 10 } },
          new WorkloadCollatorFactory({
            catalog,
            auth,
            logger: logger.child({ collator: 'kubeplatform-workload' }),
            views: multiclusterHttpViewSource({ auth, discovery }),
          }),
        );
        addCollator(
          'kubeplatformEnvironments',
          { frequency: { minutes: 1 }, timeout: { minutes: 5 } },
          new EnvironmentCollatorFactory({
            listEnvironments: () => provisioner.list(),
            access,
            logger: logger.child({ collator: 'kubeplatform-environment' }),
          }),
        );
      },
    });
  },
});
