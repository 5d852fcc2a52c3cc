import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The entity provider that publishes development environments and clusters. */
      kubeplatformDevenv?: {
        /**
         * How often environments and clusters are republished.
         * Default: every 30 seconds, first run 5 seconds after start, timeout 2 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
