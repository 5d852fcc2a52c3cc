import {
  ContainerContext,
  containerInPod,
  describeCommand,
  logsCommand,
} from './containerContext';
import { problemObject } from './objectRef';
import { describeDuration, toIso, toMillis } from './timestamps';
import { Problem } from './types';

/** Restarts or OOM kills that ended within this window count as happening now. */
export const RECENT_WINDOW_MS = 60 * 60 * 1000;

/** The current or last run of a container ended in an OOM kill: an error if within the hour. */
export function detectOomKilled(
  context: ContainerContext,
): Problem | undefined {
  const { pod, status, now } = context;
  const current = status.state?.terminated;
  const last = status.lastState?.terminated;
  const killed = [current, last].find(
    terminated => terminated?.reason === 'OOMKilled',
  );
  if (!killed) return undefined;

  const finishedAt = toMillis(killed.finishedAt);
  const recent =
    killed === current ||
    finishedAt === undefined ||
    now.getTime() - finishedAt <= RECENT_WINDOW_MS;
  const limit = context.spec?.resources?.limits?.memory;
  const when =
    finishedAt === undefined
      ? ''
      : ` ${describeDuration(now.getTime() - finishedAt)} ago`;
  const restarts = status.restartCount
    ? ` It has restarted ${status.restartCount} time${
        status.restartCount === 1 ? '' : 's'
      } in total.`
    : '';
  return {
    code: 'OOMKilled',
    severity: recent ? 'error' : 'warning',
    message: `${containerInPod(
      context,
    )} was killed for running out of memory (OOMKilled)${when}${
      limit ? `; its memory limit is ${limit}` : '; it has no memory limit'
    }.${restarts}`,
    suggestedFix: `${
      limit
        ? `Raise the memory limit of container "${status.name}" above ${limit}`
        : `Give container "${status.name}" a memory request and limit that fit its real use`
    } in the workload spec, or lower its memory use (heap size flags such as -Xmx or --max-old-space-size must stay below the limit). \`${logsCommand(
      context,
      killed === last,
    )}\` shows what it was doing when it was killed.`,
    object: problemObject('Pod', pod.metadata, status.name),
    since: toIso(killed.finishedAt),
  };
}

/**
 * Restarts without history: RestartsRising if the last one ended within the hour (a lower bound
 * of one restart in that hour), ContainerRestarts (info) for older ones.
 */
export function detectRestarts(context: ContainerContext): Problem | undefined {
  const { pod, status, now } = context;
  const restartCount = status.restartCount ?? 0;
  if (restartCount <= 0) return undefined;
  const last = status.lastState?.terminated;
  const finishedAt = toMillis(last?.finishedAt);
  const recent =
    finishedAt !== undefined && now.getTime() - finishedAt <= RECENT_WINDOW_MS;
  const lastExit = last
    ? `, last exit code ${last.exitCode ?? '?'}${
        last.reason ? ` (${last.reason})` : ''
      }${
        finishedAt !== undefined
          ? ` ${describeDuration(now.getTime() - finishedAt)} ago`
          : ''
      }`
    : '';
  const object = problemObject('Pod', pod.metadata, status.name);
  const times = `${restartCount} time${restartCount === 1 ? '' : 's'}`;
  if (recent) {
    return {
      code: 'RestartsRising',
      severity: 'warning',
      message: `${containerInPod(
        context,
      )} restarted within the last hour (${times} in total${lastExit}).`,
      suggestedFix: `Read why it exited with \`${logsCommand(
        context,
        true,
      )}\`, and check its liveness probe and resource limits in \`${describeCommand(
        pod,
      )}\`.`,
      object,
      since: toIso(last?.finishedAt),
    };
  }
  return {
    code: 'ContainerRestarts',
    severity: 'info',
    message: `${containerInPod(
      context,
    )} has restarted ${times}${lastExit}; none in the last hour.`,
    suggestedFix: `If the restarts were unexpected, \`${logsCommand(
      context,
      true,
    )}\` shows the output of the run before the last restart.`,
    object,
    since: toIso(last?.finishedAt),
  };
}
