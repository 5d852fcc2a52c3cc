import type {
  TrimmedCondition,
  TrimmedContainer,
  TrimmedContainerStatus,
  TrimmedPod,
} from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { findCondition } from './conditions';
import { namespaceFlag } from './objectRef';
import { toIso } from './timestamps';

/** Termination messages can be long stack traces; a message shows only their start. */
const MAX_QUOTED_TEXT = 500;

/** One container of a pod, with what every container detector needs to judge it. */
export interface ContainerContext {
  pod: TrimmedPod<KubernetesTimestamp>;
  status: TrimmedContainerStatus<KubernetesTimestamp>;
  spec?: TrimmedContainer;
  init: boolean;
  now: Date;
}

/** Every container status of a pod, init containers first, paired with its spec. */
export function containerContexts(
  pod: TrimmedPod<KubernetesTimestamp>,
  now: Date,
): ContainerContext[] {
  const specs = new Map<string, TrimmedContainer>();
  for (const c of [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ]) {
    if (c?.name) specs.set(c.name, c);
  }
  const contexts = (
    statuses: TrimmedContainerStatus<KubernetesTimestamp>[] | undefined,
    init: boolean,
  ): ContainerContext[] =>
    (statuses ?? [])
      .filter(status => status?.name)
      .map(status => ({
        pod,
        status,
        spec: specs.get(status.name),
        init,
        now,
      }));
  return [
    ...contexts(pod.status?.initContainerStatuses, true),
    ...contexts(pod.status?.containerStatuses, false),
  ];
}

/** `Container "x" in pod y` or `Init container "x" in pod y`, as messages name it. */
export function containerInPod(context: ContainerContext): string {
  return `${context.init ? 'Init container' : 'Container'} "${
    context.status.name
  }" in pod ${context.pod.metadata?.name ?? '(unnamed)'}`;
}

/** Kubelet and termination messages on one line, cut at MAX_QUOTED_TEXT characters. */
export function quote(text: string | undefined): string | undefined {
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
export function notReadySince(
  pod: TrimmedPod<KubernetesTimestamp>,
): string | undefined {
  const conditions: TrimmedCondition<KubernetesTimestamp>[] | undefined =
    pod.status?.conditions;
  for (const type of ['ContainersReady', 'Ready']) {
    const condition = findCondition(conditions, type);
    if (condition?.status === 'False') {
      const since = toIso(condition.lastTransitionTime);
      if (since) return since;
    }
  }
  return toIso(pod.status?.startTime) ?? toIso(pod.metadata?.creationTimestamp);
}

export function logsCommand(
  context: ContainerContext,
  previous: boolean,
): string {
  return `kubectl logs ${namespaceFlag(context.pod.metadata)}${
    context.pod.metadata?.name ?? '<pod>'
  } -c ${context.status.name}${previous ? ' --previous' : ''}`;
}

export function describeCommand(pod: TrimmedPod<KubernetesTimestamp>): string {
  return `kubectl describe pod ${namespaceFlag(pod.metadata)}${
    pod.metadata?.name ?? '<pod>'
  }`;
}
