import type { TrimmedContainer } from '../trimmed';
import { findCondition } from './conditions';
import {
  ContainerContext,
  containerInPod,
  describeCommand,
  logsCommand,
} from './containerContext';
import { problemObject } from './objectRef';
import { describeDuration, toIso, toMillis } from './timestamps';
import { Problem } from './types';

/** Kubernetes' own defaults for a probe that leaves these fields out. */
const DEFAULT_PROBE_PERIOD_SECONDS = 10;
const DEFAULT_PROBE_FAILURE_THRESHOLD = 3;

/**
 * A running container that is still not ready after its readiness probe has had every chance:
 * initialDelaySeconds + periodSeconds × failureThreshold since it started. Upstream skips
 * containers without a probe; a running container without one should be ready at once, so one
 * that is not is judged with Kubernetes' default period and threshold (30 s).
 */
export function detectReadinessFailing(
  context: ContainerContext,
): Problem | undefined {
  const { pod, status, spec, now } = context;
  const startedAt = toMillis(status.state?.running?.startedAt);
  if (
    context.init ||
    status.ready !== false ||
    startedAt === undefined ||
    pod.metadata?.deletionTimestamp
  ) {
    return undefined;
  }
  const probe = spec?.readinessProbe;
  const period = probe?.periodSeconds ?? DEFAULT_PROBE_PERIOD_SECONDS;
  const failureThreshold =
    probe?.failureThreshold ?? DEFAULT_PROBE_FAILURE_THRESHOLD;
  const graceSeconds =
    (probe?.initialDelaySeconds ?? 0) + period * failureThreshold;
  const deadline = startedAt + graceSeconds * 1000;
  if (now.getTime() <= deadline) return undefined;

  const readyCondition = findCondition(pod.status?.conditions, 'Ready');
  const unreadySince =
    readyCondition?.status === 'False'
      ? toMillis(readyCondition.lastTransitionTime)
      : undefined;
  const probeText = probe
    ? `its readiness probe (${describeProbe(
        probe,
      )}, every ${period}s, failure threshold ${failureThreshold}) should have passed within ${graceSeconds}s`
    : `it has no readiness probe, so it should have been ready as soon as it started`;
  return {
    code: 'ReadinessProbeFailing',
    severity: 'warning',
    message: `${containerInPod(
      context,
    )} has been running for ${describeDuration(
      now.getTime() - startedAt,
    )} but is not ready; ${probeText}.`,
    suggestedFix: `Run \`${describeCommand(
      pod,
    )}\` to see the readiness failures in the events, check that the endpoint answers inside the container, and read \`${logsCommand(
      context,
      false,
    )}\`. If the app is just slow to start, raise initialDelaySeconds or add a startupProbe.`,
    object: problemObject('Pod', pod.metadata, status.name),
    // Never ready: failing since the grace period ran out. Ready before: since it turned unready.
    since: toIso(new Date(Math.max(deadline, unreadySince ?? deadline))),
  };
}

function describeProbe(probe: NonNullable<TrimmedContainer['readinessProbe']>) {
  if (probe.httpGet) {
    // A query string may carry a token; the path alone says what is probed.
    const path = (probe.httpGet.path ?? '/').split('?')[0];
    return `HTTP GET ${path} on port ${probe.httpGet.port}`;
  }
  if (probe.tcpSocket) return `TCP port ${probe.tcpSocket.port}`;
  if (probe.grpc) return `gRPC port ${probe.grpc.port}`;
  // Exec probes often carry credentials on their command line, so it is never shown.
  if (probe.exec) return 'an exec probe (command not shown)';
  return 'probe';
}
