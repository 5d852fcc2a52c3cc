import type { TrimmedDaemonSet } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { namespaceFlag, problemObject, selectorArg } from './objectRef';
import { Problem } from './types';

/**
 * A DaemonSet whose pods are not ready on every node that should run one, or that runs pods on
 * nodes that should not (misscheduled).
 */
export function detectDaemonSetProblems(
  daemonSet: TrimmedDaemonSet<KubernetesTimestamp>,
): Problem[] {
  const status = daemonSet.status;
  if (!status) return [];
  const desired = status.desiredNumberScheduled ?? 0;
  const ready = status.numberReady ?? 0;
  const scheduled = status.currentNumberScheduled ?? 0;
  const misscheduled = status.numberMisscheduled ?? 0;
  if (ready >= desired && misscheduled === 0) return [];

  const name = daemonSet.metadata?.name ?? '(unnamed)';
  const ns = namespaceFlag(daemonSet.metadata);
  const details = [
    `${scheduled} scheduled`,
    `${status.updatedNumberScheduled ?? 0} updated`,
  ];
  if (status.numberUnavailable) {
    details.push(`${status.numberUnavailable} unavailable`);
  }
  if (misscheduled) {
    details.push(`${misscheduled} running on nodes that should not run it`);
  }
  const fixes = [
    `Find the nodes whose pod is not ready with \`kubectl get pods ${ns}-o wide ${selectorArg(
      daemonSet.spec?.selector,
    )}\` and fix that pod's problem.`,
  ];
  if (scheduled < desired) {
    fixes.push(
      `${
        desired - scheduled
      } node(s) have no pod at all: \`kubectl describe ${ns}daemonset/${name}\` shows why they could not be created (quota, admission).`,
    );
  }
  if (misscheduled) {
    fixes.push(
      'Misscheduled pods run on nodes whose labels or taints no longer match the nodeSelector and tolerations; the controller removes them once they match again.',
    );
  }
  return [
    {
      code: 'DaemonSetNotReady',
      severity: desired > 0 && ready === 0 ? 'error' : 'warning',
      message: `DaemonSet ${name} has ${ready}/${desired} pods ready (${details.join(
        ', ',
      )}).`,
      suggestedFix: fixes.join(' '),
      object: problemObject('DaemonSet', daemonSet.metadata),
    },
  ];
}
