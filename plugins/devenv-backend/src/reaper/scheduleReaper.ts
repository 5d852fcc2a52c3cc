import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { parseDuration } from '@kubeplatform/clusters-common';
import {
  EnvironmentProvisioner,
  reapEnvironments,
} from '@kubeplatform/plugin-devenv-node';
import type { AuditTrail } from '../audit/AuditTrail';
import type { EnvironmentNotifier } from '../notifications/EnvironmentNotifier';

/**
 * Runs the reaper on one replica at a time (a global scheduled task): expired environments
 * and stale half-made ones are deleted, sleep schedules applied, and each action audited.
 */
export async function scheduleReaper(options: {
  scheduler: SchedulerService;
  provisioner: EnvironmentProvisioner;
  audit: AuditTrail;
  logger: LoggerService;
  /** Tells owners what the pass did; it needs the environments as they were before. */
  notifier?: EnvironmentNotifier;
}): Promise<void> {
  const { scheduler, provisioner, audit, logger, notifier } = options;
  const intervalMs = parseDuration(provisioner.settings.reaper.interval)!;
  await scheduler.scheduleTask({
    id: 'devenv-reaper',
    scope: 'global',
    frequency: { milliseconds: intervalMs },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      const before = notifier ? (await provisioner.list()).items : [];
      // Each action is audited as soon as it is done: a replica killed mid-pass has recorded
      // what it did so far.
      const report = await reapEnvironments(
        provisioner,
        new Date(),
        async ({ ref, action }) => {
          const [cluster, environment] = ref.split('/');
          await audit.record({
            at: new Date().toISOString(),
            actor: 'devenv-reaper',
            method: 'TASK',
            path: 'devenv-reaper',
            action: `reap-${action}`,
            cluster,
            environment,
            status: 200,
            outcome: 'success',
          });
        },
      );
      const acted =
        report.deleted.length + report.slept.length + report.woke.length;
      for (const error of report.errors) {
        logger.warn(`Reaper could not handle ${error.ref}: ${error.message}`);
      }
      await notifier?.notifyReaped(report, before);
      if (acted) {
        logger.info(
          `Reaper: deleted ${report.deleted.length}, slept ${report.slept.length}, woke ${report.woke.length}`,
        );
      }
    },
  });
}
