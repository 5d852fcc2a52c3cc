import type { TrimmedPod } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { findCondition, sentence } from './conditions';
import { describeCommand, quote } from './containerContext';
import { namespaceArg, namespaceFlag, problemObject } from './objectRef';
import { toIso } from './timestamps';
import { Problem } from './types';

/** PodScheduled=False with reason Unschedulable, quoting the scheduler and turning it into a fix. */
export function detectUnschedulable(
  pod: TrimmedPod<KubernetesTimestamp>,
): Problem[] {
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
function unschedulableFix(
  pod: TrimmedPod<KubernetesTimestamp>,
  schedulerMessage: string,
): string {
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

/** A pod the kubelet evicted under node pressure (phase Failed, reason Evicted). */
export function detectEvicted(pod: TrimmedPod<KubernetesTimestamp>): Problem[] {
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
