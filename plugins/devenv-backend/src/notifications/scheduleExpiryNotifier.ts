import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { EnvironmentNotifier } from './EnvironmentNotifier';

/**
 * The scheduled task that sends expiry notices; `POST
 * /api/devenv/.backstage/scheduler/v1/tasks/<id>/trigger` runs it at once.
 */
export const EXPIRY_NOTIFIER_TASK_ID = 'devenv-expiry-notifier';

/** Runs the expiry notices on one replica at a time (a global scheduled task). */
export async function scheduleExpiryNotifier(options: {
  scheduler: SchedulerService;
  notifier: EnvironmentNotifier;
  intervalMs: number;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, notifier, intervalMs, logger } = options;
  await scheduler.scheduleTask({
    id: EXPIRY_NOTIFIER_TASK_ID,
    scope: 'global',
    frequency: { milliseconds: intervalMs },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      const sent = await notifier.notifyExpiring();
      if (sent) {
        logger.info(`Expiry notices: sent ${sent}`);
      }
    },
  });
}
