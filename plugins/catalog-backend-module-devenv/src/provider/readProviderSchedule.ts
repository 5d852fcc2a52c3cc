import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/** Where the provider's schedule is configured. */
export const PROVIDER_SCHEDULE_CONFIG_PATH =
  'catalog.providers.kubeplatformDevenv.schedule';

/** Every 30 seconds, first run 5 seconds after start, timeout 2 minutes. */
export const DEFAULT_PROVIDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { seconds: 30 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 5 },
  };

/** `catalog.providers.kubeplatformDevenv.schedule` from config, or the default. */
export function readProviderSchedule(
  config: RootConfigService,
): SchedulerServiceTaskScheduleDefinition {
  return config.has(PROVIDER_SCHEDULE_CONFIG_PATH)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(PROVIDER_SCHEDULE_CONFIG_PATH),
      )
    : DEFAULT_PROVIDER_SCHEDULE;
}
