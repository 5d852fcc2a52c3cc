import type { TrimmedPod } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import {
  ContainerContext,
  containerInPod,
  describeCommand,
  logsCommand,
  notReadySince,
  quote,
} from './containerContext';
import { findCondition, sentence } from './conditions';
import { namespaceArg, problemObject } from './objectRef';
import { describeDuration, toIso, toMillis } from './timestamps';
import { Problem } from './types';

/** Waiting reasons that are part of a normal start and say nothing is wrong. */
const ROUTINE_WAITING_REASONS = new Set([
  'ContainerCreating',
  'PodInitializing',
]);

/** A normal start (ContainerCreating, PodInitializing) taking longer than this is stuck. */
export const STUCK_STARTING_MS = 5 * 60 * 1000;

/**
 * A container that cannot start: a crash loop, an image it cannot pull or parse, configuration it
 * cannot find, any other waiting reason with a message, or a normal start that is stuck.
 */
export function detectWaitingContainer(
  context: ContainerContext,
): Problem | undefined {
  const waiting = context.status.state?.waiting;
  if (!waiting) return undefined;
  const reason = waiting.reason ?? '';
  const detail = quote(waiting.message);
  if (ROUTINE_WAITING_REASONS.has(reason) && !detail) {
    return detectStuckStarting(context, reason);
  }
  if (!reason && !detail) return undefined;

  const { pod, status } = context;
  const object = problemObject('Pod', pod.metadata, status.name);
  const image = status.image || context.spec?.image || '(unknown image)';
  const since = notReadySince(pod);

  switch (reason) {
    case 'CrashLoopBackOff': {
      const last = status.lastState?.terminated;
      const lastRun = last
        ? ` The last run ended with exit code ${last.exitCode ?? '?'}${
            last.reason ? ` (${last.reason})` : ''
          }${last.finishedAt ? ` at ${toIso(last.finishedAt)}` : ''}${
            quote(last.message) ? `: ${quote(last.message)}` : ''
          }.`
        : '';
      return {
        code: 'CrashLoopBackOff',
        severity: 'error',
        message: `${containerInPod(context)} is in CrashLoopBackOff after ${
          status.restartCount ?? 0
        } restart${status.restartCount === 1 ? '' : 's'}.${lastRun}`,
        suggestedFix: `Read why the last run exited with \`${logsCommand(
          context,
          true,
        )}\`. ${
          last?.reason === 'OOMKilled'
            ? 'It was OOMKilled: raise the memory limit or reduce memory use. '
            : ''
        }Fix the crash (bad config, a missing dependency, a failing startup check), then roll out again.`,
        object,
        since,
      };
    }
    case 'ImagePullBackOff':
    case 'ErrImagePull':
      return {
        code: reason,
        severity: 'error',
        message: `${containerInPod(
          context,
        )} cannot pull image "${image}" (${reason})${endWithDetail(detail)}`,
        suggestedFix: `Check that the image "${image}" exists with exactly that tag (for example \`docker manifest inspect ${image}\`), that the registry is reachable from the nodes, and that the pod's imagePullSecrets grant access. \`${describeCommand(
          pod,
        )}\` shows the registry's answer in its events.`,
        object,
        since,
      };
    case 'InvalidImageName':
      return {
        code: 'InvalidImageName',
        severity: 'error',
        message: `${containerInPod(
          context,
        )} has an invalid image reference "${image}"${endWithDetail(detail)}`,
        suggestedFix: `Correct the image field of container "${status.name}" in the workload spec: use registry/repository:tag or repository@sha256:digest, lower-case, with no spaces or URL scheme.`,
        object,
        since,
      };
    case 'CreateContainerConfigError':
      return {
        code: 'CreateContainerConfigError',
        severity: 'error',
        message: `${containerInPod(context)} cannot be created: ${sentence(
          detail ?? 'its configuration is invalid',
        )}`,
        suggestedFix: `Create the missing ConfigMap or Secret, or the missing key in it, in namespace ${
          pod.metadata?.namespace ?? '(namespace)'
        } (\`kubectl get configmaps,secrets ${namespaceArg(
          pod.metadata,
        )}\`), or fix the reference in the container's env, envFrom or volumes. The kubelet retries on its own once it exists.`,
        object,
        since,
      };
    default:
      return {
        code: 'ContainerWaiting',
        severity: 'warning',
        message: `${containerInPod(context)} is waiting${
          reason ? ` (${reason})` : ''
        }${endWithDetail(detail)}`,
        suggestedFix: `Run \`${describeCommand(
          pod,
        )}\` and read the events for the container "${
          status.name
        }"; the reason above names what the kubelet is stuck on.`,
        object,
        since,
      };
  }
}

/**
 * ContainerCreating or PodInitializing is a normal start, but one that lasts minutes is stuck:
 * a volume that cannot be mounted, a sandbox that cannot be created, an init container that hangs.
 * The kubelet gives no message here; the cause is in the pod's events.
 */
function detectStuckStarting(
  context: ContainerContext,
  reason: string,
): Problem | undefined {
  const { pod, status, now } = context;
  if (reason === 'PodInitializing' && initContainerIsFailing(pod)) {
    return undefined;
  }
  const scheduled = findCondition(pod.status?.conditions, 'PodScheduled');
  const startedWaiting =
    toMillis(
      scheduled?.status === 'True' ? scheduled.lastTransitionTime : undefined,
    ) ?? toMillis(pod.status?.startTime);
  if (
    startedWaiting === undefined ||
    now.getTime() - startedWaiting <= STUCK_STARTING_MS
  ) {
    return undefined;
  }
  return {
    code: 'ContainerWaiting',
    severity: 'warning',
    message: `${containerInPod(
      context,
    )} has been in ${reason} for ${describeDuration(
      now.getTime() - startedWaiting,
    )}.`,
    suggestedFix: `Run \`${describeCommand(
      pod,
    )}\`: its events name the cause, usually FailedMount (a missing Secret, ConfigMap or volume), FailedCreatePodSandBox (pod networking), or a slow image pull${
      reason === 'PodInitializing'
        ? ' or an init container that does not finish'
        : ''
    }.`,
    object: problemObject('Pod', pod.metadata, status.name),
    since: toIso(new Date(startedWaiting)),
  };
}

/** An init container in a crash loop or another failing wait is reported on its own. */
function initContainerIsFailing(pod: TrimmedPod<KubernetesTimestamp>): boolean {
  return (pod.status?.initContainerStatuses ?? []).some(status => {
    const waitingReason = status.state?.waiting?.reason;
    return !!waitingReason && !ROUTINE_WAITING_REASONS.has(waitingReason);
  });
}

/** Ends a message with the kubelet's detail, or with a full stop when it gave none. */
function endWithDetail(detail: string | undefined): string {
  return detail ? `: ${detail}` : '.';
}
