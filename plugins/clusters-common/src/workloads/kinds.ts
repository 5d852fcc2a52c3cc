/**
 * The workload kinds a service view shows, in the order error messages list them.
 *
 * @public
 */
export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
] as const;

/** @public */
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** @public */
export function isWorkloadKind(value: string): value is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(value);
}
