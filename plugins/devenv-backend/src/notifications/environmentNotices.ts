import type { Environment } from '@kubeplatform/clusters-common';
import type { ReapReport } from '@kubeplatform/plugin-devenv-node';

/**
 * One thing an environment's owner is told. `key` names it for good: a notice with the same key
 * is the same notice, sent once (the unique key of its row in `devenv_notifications`).
 */
export type EnvironmentNotice =
  | {
      kind: 'expiring';
      key: string;
      environment: Environment;
      remainingMs: number;
      /** Whether this is the last notice before the environment expires. */
      last: boolean;
    }
  | { kind: 'slept'; key: string; environment: Environment }
  | { kind: 'reaped'; key: string; environment: Environment };

/** Environments in these states are being created or removed; their expiry is not news. */
const SKIPPED_STATUSES: ReadonlySet<Environment['status']> = new Set([
  'provisioning',
  'failed',
  'deleting',
]);

/**
 * The expiry notices due now: for each environment, the shortest lead time that its remaining
 * life fits in. An environment created with 2 h to live hears of it at once (under the 24 h
 * lead) and again at 1 h, never once per lead it skipped. The key holds the expiry, so an
 * extended environment is told again about its new expiry.
 */
export function dueExpiryNotices(
  environments: Environment[],
  leadTimes: Array<{ ms: number }>,
  now: Date,
): EnvironmentNotice[] {
  const shortestFirst = [...leadTimes].sort((a, b) => a.ms - b.ms);
  const notices: EnvironmentNotice[] = [];
  for (const environment of environments) {
    if (SKIPPED_STATUSES.has(environment.status)) {
      continue;
    }
    const remainingMs = Date.parse(environment.expiresAt) - now.getTime();
    if (!(remainingMs > 0)) {
      continue;
    }
    const index = shortestFirst.findIndex(lead => remainingMs <= lead.ms);
    if (index < 0) {
      continue;
    }
    notices.push({
      kind: 'expiring',
      key: `expiring/${shortestFirst[index].ms}/${environment.ref}/${environment.expiresAt}`,
      environment,
      remainingMs,
      last: index === 0,
    });
  }
  return notices;
}

/**
 * The notices for what one reaper pass did, for the environments it saw before acting. A
 * reaped environment is named with its expiry (a new one of the same name has another); a
 * sleep with the day, so a schedule re-applied the same day after a manual wake is told once.
 */
export function reaperNotices(
  report: Pick<ReapReport, 'deleted' | 'slept'>,
  before: Environment[],
  now: Date,
): EnvironmentNotice[] {
  const byRef = new Map(
    before.map(environment => [environment.ref, environment]),
  );
  const day = now.toISOString().slice(0, 10);
  const notices: EnvironmentNotice[] = [];
  for (const ref of report.deleted) {
    const environment = byRef.get(ref);
    if (environment) {
      notices.push({
        kind: 'reaped',
        key: `reaped/${ref}/${environment.expiresAt}`,
        environment,
      });
    }
  }
  for (const ref of report.slept) {
    const environment = byRef.get(ref);
    if (environment) {
      notices.push({
        kind: 'slept',
        key: `slept/${ref}/${day}`,
        environment,
      });
    }
  }
  return notices;
}
