import type {
  V1Container,
  V1ContainerStatus,
  V1Pod,
  V1PodCondition,
} from '@kubernetes/client-node';
import { findCondition, sentence } from './conditions';
import { namespaceArg, namespaceFlag, problemObject } from './objectRef';
import { describeDuration, toIso, toMillis } from './timestamps';
import { Problem } from './types';

/** Restarts or OOM kills that ended within this window count as happening now. */
export const RECENT_WINDOW_MS = 60 * 60 * 1000;

/** Kubernetes' own defaults for a probe that leaves these fields out. */
const DEFAULT_PROBE_PERIOD_SECONDS = 10;
const DEFAULT_PROBE_FAILURE_THRESHOLD = 3;

/** Waiting reasons that are part of a normal start and say nothing is wrong. */
const ROUTINE_WAITING_REASONS = new Set([
  'ContainerCreating',
  'PodInitializing',
]);

/** A normal start (ContainerCreating, PodInitializing) taking longer than this is stuck. */
export const STUCK_STARTING_MS = 5 * 60 * 1000;

/** Termination messages can be long stack traces; a message shows only their start. */
const MAX_QUOTED_TEXT = 500;

interface ContainerContext {
  pod: V1Pod;
  status: V1ContainerStatus;
  spec?: V1Container;
  init: boolean;
  now: Date;
}

/**
 * Everything wrong with one pod: container states (crash loops, image pulls, bad config, OOM kills,
 * restarts, failing readiness) and pod-level states (unschedulable, evicted).
 */
export function detectPodProblems(pod: V1Pod, now: Date): Problem[] {
  const problems: Problem[] = [];
  problems.push(...detectEvicted(pod));
  problems.push(...detectUnschedulable(pod));
  for (const context of containerContexts(pod, now)) {
    problems.push(...detectContainerProblems(context));
  }
  return problems;
}

function containerContexts(pod: V1Pod, now: Date): ContainerContext[] {
  const specs = new Map<string, V1Container>();
  for (const c of [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ]) {
    if (c?.name) specs.set(c.name, c);
  }
  const contexts: ContainerContext[] = [];
  for (const status of pod.status?.initContainerStatuses ?? []) {
    if (status?.name) {
      contexts.push({
        pod,
        status,
        spec: specs.get(status.name),
        init: true,
        now,
      });
    }
  }
  for (const status of pod.status?.containerStatuses ?? []) {
    if (status?.name) {
      contexts.push({
        pod,
        status,
        spec: specs.get(status.name),
        init: false,
        now,
      });
    }
  }
  return contexts;
}

function detectContainerProblems(context: ContainerContext): Problem[] {
  const problems: Problem[] = [];
  const waitingReason = context.status.state?.waiting?.reason;
  const waitingProblem = detectWaiting(context);
  if (waitingProblem) problems.push(waitingProblem);

  const oomKilled = detectOomKilled(context);
  if (oomKilled) problems.push(oomKilled);

  // A crash loop or an OOM kill already explains the restarts and carries the count.
  if (waitingReason !== 'CrashLoopBackOff' && !oomKilled) {
    const restarts = detectRestarts(context);
    if (restarts) problems.push(restarts);
  }

  const readiness = detectReadinessFailing(context);
  if (readiness) problems.push(readiness);
  return problems;
}

function containerLabel(context: ContainerContext): string {
  return `${context.init ? 'Init container' : 'Container'} "${
    context.status.name
  }"`;
}

function podRef(pod: V1Pod): string {
  return `pod ${pod.metadata?.name ?? '(unnamed)'}`;
}

function quote(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_QUOTED_TEXT
    ? `${oneLine.slice(0, MAX_QUOTED_TEXT)}…`
    : oneLine;
}

/**
 * When the pod stopped being ready: the Ready (or ContainersReady) condition's last transition to
 * False. Kubernetes gives no start time for a waiting state, so this is the best it tells us.
 */
function notReadySince(pod: V1Pod): string | undefined {
  const conditions: V1PodCondition[] | undefined = pod.status?.conditions;
  for (const type of ['ContainersReady', 'Ready']) {
    const condition = findCondition(conditions, type);
    if (condition?.status === 'False') {
      const since = toIso(condition.lastTransitionTime);
      if (since) return since;
    }
  }
  return toIso(pod.status?.startTime) ?? toIso(pod.metadata?.creationTimestamp);
}

function logsCommand(context: ContainerContext, previous: boolean): string {
  return `kubectl logs ${namespaceFlag(context.pod.metadata)}${
    context.pod.metadata?.name ?? '<pod>'
  } -c ${context.status.name}${previous ? ' --previous' : ''}`;
}

function describeCommand(pod: V1Pod): string {
  return `kubectl describe pod ${namespaceFlag(pod.metadata)}${
    pod.metadata?.name ?? '<pod>'
  }`;
}

function detectWaiting(context: ContainerContext): Problem | undefined {
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
        message: `${containerLabel(context)} in ${podRef(
          pod,
        )} is in CrashLoopBackOff after ${status.restartCount ?? 0} restart${
          status.restartCount === 1 ? '' : 's'
        }.${lastRun}`,
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
        message: `${containerLabel(context)} in ${podRef(
          pod,
        )} cannot pull image "${image}" (${reason})${
          detail ? `: ${detail}` : '.'
        }`,
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
        message: `${containerLabel(context)} in ${podRef(
          pod,
        )} has an invalid image reference "${image}"${
          detail ? `: ${detail}` : '.'
        }`,
        suggestedFix: `Correct the image field of container "${status.name}" in the workload spec: use registry/repository:tag or repository@sha256:digest, lower-case, with no spaces or URL scheme.`,
        object,
        since,
      };
    case 'CreateContainerConfigError':
      return {
        code: 'CreateContainerConfigError',
        severity: 'error',
        message: `${containerLabel(context)} in ${podRef(
          pod,
        )} cannot be created: ${sentence(detail ?? 'its configuration is invalid')}`,
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
        message: `${containerLabel(context)} in ${podRef(pod)} is waiting${
          reason ? ` (${reason})` : ''
        }${detail ? `: ${detail}` : '.'}`,
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
  const scheduled = findCondition(pod.status?.conditions, 'PodScheduled');
  const startedWaiting =
    toMillis(scheduled?.status === 'True' ? scheduled.lastTransitionTime : undefined) ??
    toMillis(pod.status?.startTime);
  if (
    startedWaiting === undefined ||
    now.getTime() - startedWaiting <= STUCK_STARTING_MS
  ) {
    return undefined;
  }
  return {
    code: 'ContainerWaiting',
    severity: 'warning',
    message: `${containerLabel(context)} in ${podRef(
      pod,
    )} has been in ${reason} for ${describeDuration(
      now.getTime() - startedWaiting,
    )}.`,
    suggestedFix: `Run \`${describeCommand(
      pod,
    )}\`: its events name the cause, usually FailedMount (a missing Secret, ConfigMap or volume), FailedCreatePodSandBox (pod networking), or a slow image pull${
      reason === 'PodInitializing' ? ' or an init container that does not finish' : ''
    }.`,
    object: problemObject('Pod', pod.metadata, status.name),
    since: toIso(new Date(startedWaiting)),
  };
}

function detectOomKilled(context: ContainerContext): Problem | undefined {
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
    message: `${containerLabel(context)} in ${podRef(
      pod,
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

function detectRestarts(context: ContainerContext): Problem | undefined {
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
      message: `${containerLabel(context)} in ${podRef(
        pod,
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
    message: `${containerLabel(context)} in ${podRef(
      pod,
    )} has restarted ${times}${lastExit}; none in the last hour.`,
    suggestedFix: `If the restarts were unexpected, \`${logsCommand(
      context,
      true,
    )}\` shows the output of the run before the last restart.`,
    object,
    since: toIso(last?.finishedAt),
  };
}

/**
 * A running container that is still not ready after its readiness probe has had every chance:
 * initialDelaySeconds + periodSeconds × failureThreshold since it started. Upstream skips
 * containers without a probe; a running container without one should be ready at once, so one
 * that is not is judged with Kubernetes' default period and threshold (30 s).
 */
function detectReadinessFailing(
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
    message: `${containerLabel(context)} in ${podRef(
      pod,
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

function describeProbe(probe: NonNullable<V1Container['readinessProbe']>) {
  if (probe.httpGet) {
    return `HTTP GET ${probe.httpGet.path ?? '/'} on port ${
      probe.httpGet.port
    }`;
  }
  if (probe.tcpSocket) return `TCP port ${probe.tcpSocket.port}`;
  if (probe.grpc) return `gRPC port ${probe.grpc.port}`;
  if (probe.exec) {
    return `exec "${quote((probe.exec.command ?? []).join(' '))}"`;
  }
  return 'probe';
}

function detectUnschedulable(pod: V1Pod): Problem[] {
  const scheduled = findCondition(pod.status?.conditions, 'PodScheduled');
  if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable') {
    return [];
  }
  const schedulerMessage = scheduled.message?.trim();
  return [
    {
      code: 'Unschedulable',
      severity: 'error',
      message: `Pod ${pod.metadata?.name ?? '(unnamed)'} cannot be scheduled${
        schedulerMessage ? `: ${sentence(schedulerMessage)}` : '.'
      }`,
      suggestedFix: unschedulableFix(pod, schedulerMessage ?? ''),
      object: problemObject('Pod', pod.metadata),
      since: toIso(scheduled.lastTransitionTime),
    },
  ];
}

/** Turns the scheduler's reasons into the change that would let the pod fit. */
function unschedulableFix(pod: V1Pod, schedulerMessage: string): string {
  const hints: string[] = [];
  if (
    /Insufficient (cpu|memory|ephemeral-storage|[\w./-]+)/i.test(
      schedulerMessage,
    )
  ) {
    hints.push(
      'lower the pod\'s resource requests or add node capacity (the "Insufficient" resources are named above)',
    );
  }
  if (/node affinity|node selector|nodeSelector/i.test(schedulerMessage)) {
    hints.push(
      'check the nodeSelector and node affinity against the labels of the nodes (`kubectl get nodes --show-labels`)',
    );
  }
  if (/taint/i.test(schedulerMessage)) {
    hints.push(
      'add a toleration for the taint named above, or schedule onto untainted nodes',
    );
  }
  if (/persistentvolumeclaim|volume/i.test(schedulerMessage)) {
    hints.push(
      'check that its PersistentVolumeClaims are bound (`kubectl get pvc ' +
        `${namespaceArg(pod.metadata)}\`) and in a zone with nodes`,
    );
  }
  if (/anti-affinity|affinity rules|topology spread/i.test(schedulerMessage)) {
    hints.push(
      'relax the pod anti-affinity or topology spread constraints, or add nodes in the missing zones',
    );
  }
  if (hints.length === 0) {
    hints.push("read the scheduler's reason above");
  }
  return `To let it fit: ${hints.join('; ')}. \`${describeCommand(
    pod,
  )}\` shows the scheduler's latest attempt.`;
}

function detectEvicted(pod: V1Pod): Problem[] {
  if (pod.status?.phase !== 'Failed' || pod.status?.reason !== 'Evicted') {
    return [];
  }
  const disruption = findCondition(pod.status?.conditions, 'DisruptionTarget');
  const ready = findCondition(pod.status?.conditions, 'Ready');
  const node = pod.spec?.nodeName;
  return [
    {
      code: 'Evicted',
      severity: 'warning',
      message: `Pod ${pod.metadata?.name ?? '(unnamed)'} was evicted${
        node ? ` from node ${node}` : ''
      }${
        pod.status?.message
          ? `: ${sentence(quote(pod.status.message) ?? '')}`
          : '.'
      }`,
      suggestedFix: `The node ran short of the resource named above. Set the pod's memory and ephemeral-storage requests close to its real use so it is not evicted first, and check the node's pressure with \`kubectl describe node ${
        node ?? '<node>'
      }\`. Its controller has already replaced it; remove the leftover with \`kubectl delete pod ${namespaceFlag(
        pod.metadata,
      )}${pod.metadata?.name ?? '<pod>'}\`.`,
      object: problemObject('Pod', pod.metadata),
      since:
        toIso(disruption?.lastTransitionTime) ??
        toIso(ready?.lastTransitionTime),
    },
  ];
}
