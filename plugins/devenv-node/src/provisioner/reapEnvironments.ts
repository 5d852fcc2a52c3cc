import type { Environment } from '@kubeplatform/clusters-common';
import { isInSleepWindow } from '../schedule/sleepWindow';
import type { EnvironmentProvisioner } from './EnvironmentProvisioner';

/** A create that has been `provisioning` or `failed` this long was interrupted; its leftovers go. */
const STALE_PROVISIONING_MS = 15 * 60 * 1000;

/** @public */
export interface ReapReport {
  deleted: string[];
  slept: string[];
  woke: string[];
  errors: Array<{ ref: string; message: string }>;
}

function isStale(env: Environment, now: Date): boolean {
  if (env.status !== 'provisioning' && env.status !== 'failed') {
    return false;
  }
  const created = env.createdAt ? Date.parse(env.createdAt) : now.getTime();
  return now.getTime() - created > STALE_PROVISIONING_MS;
}

/**
 * What the reaper did to one environment, told as soon as it is done.
 *
 * @public
 */
export type ReapAction = { ref: string; action: 'delete' | 'sleep' | 'wake' };

/**
 * One pass of the reaper: deletes expired environments and leftovers of interrupted creates,
 * and applies sleep schedules. It only sees environments the provisioner lists, which are the
 * ones whose labels prove Kubeplatform manages them. `onAction` hears of each action right after
 * it, so a pass that dies midway has already told of what it did.
 *
 * @public
 */
export async function reapEnvironments(
  provisioner: EnvironmentProvisioner,
  now: Date = new Date(),
  onAction: (done: ReapAction) => Promise<void> = async () => {},
): Promise<ReapReport> {
  const report: ReapReport = { deleted: [], slept: [], woke: [], errors: [] };
  const { items, errors } = await provisioner.list();
  report.errors.push(
    ...errors.map(e => ({ ref: e.cluster, message: e.message })),
  );
  for (const env of items) {
    try {
      if (env.status === 'deleting') {
        continue;
      }
      const expired = Date.parse(env.expiresAt) <= now.getTime();
      if (expired || isStale(env, now)) {
        await provisioner.delete(env.cluster, env.name);
        report.deleted.push(env.ref);
        await onAction({ ref: env.ref, action: 'delete' });
        continue;
      }
      if (!env.sleepSchedule || env.status === 'provisioning') {
        continue;
      }
      const wantsSleep = isInSleepWindow(env.sleepSchedule, now);
      if (wantsSleep && env.status === 'ready') {
        await provisioner.sleep(env.cluster, env.name, 'schedule');
        report.slept.push(env.ref);
        await onAction({ ref: env.ref, action: 'sleep' });
      } else if (
        !wantsSleep &&
        env.status === 'sleeping' &&
        env.sleptBy === 'schedule'
      ) {
        await provisioner.wake(env.cluster, env.name);
        report.woke.push(env.ref);
        await onAction({ ref: env.ref, action: 'wake' });
      }
    } catch (error) {
      report.errors.push({ ref: env.ref, message: (error as Error).message });
    }
  }
  return report;
}
