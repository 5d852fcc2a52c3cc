import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /**
       * How often the workloads index (where each catalog entity runs) is rebuilt.
       * Default: every 5 minutes, first run 20 seconds after start, timeout 10 minutes.
       */
      kubeplatformWorkloads?: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      /**
       * How often the development environments index is rebuilt.
       * Default: every minute, first run 20 seconds after start, timeout 5 minutes.
       */
      kubeplatformEnvironments?: {
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
