import type { TrimmedStatefulSet } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { namespaceFlag, problemObject, selectorArg } from './objectRef';
import { Problem } from './types';

/**
 * A StatefulSet with fewer ready replicas than it wants. StatefulSets have no progress deadline,
 * so this is the only signal of a rollout or scale-up that is stuck: pods start in order, and one
 * that never turns ready holds back every pod after it. It is reported during a rolling update
 * too, with the update named in the message, because that is exactly when they get stuck.
 */
export function detectStatefulSetProblems(
  statefulSet: TrimmedStatefulSet<KubernetesTimestamp>,
): Problem[] {
  const status = statefulSet.status;
  if (!status) return [];
  // The API server always defaults spec.replicas; without it the object was trimmed too far to judge.
  const desired = statefulSet.spec?.replicas;
  const ready = status.readyReplicas ?? 0;
  if (desired === undefined || desired <= 0 || ready >= desired) return [];

  const name = statefulSet.metadata?.name ?? '(unnamed)';
  const ns = namespaceFlag(statefulSet.metadata);
  const rollingUpdate =
    status.updateRevision && status.currentRevision !== status.updateRevision
      ? `; a rolling update to revision ${
          status.updateRevision
        } is in progress (${status.updatedReplicas ?? 0}/${desired} updated)`
      : '';
  return [
    {
      code: 'StatefulSetNotReady',
      severity: ready === 0 ? 'error' : 'warning',
      message: `StatefulSet ${name} has ${ready}/${desired} replicas ready (${
        status.replicas ?? 0
      } created)${rollingUpdate}.`,
      suggestedFix: `Find the first pod in order that is not ready (\`kubectl get pods ${ns}${selectorArg(
        statefulSet.spec?.selector,
      )}\`) and fix its problem; check its PersistentVolumeClaim is bound (\`kubectl get pvc ${ns.trimEnd()}\`). \`kubectl rollout status ${ns}statefulset/${name}\` follows the progress.`,
      object: problemObject('StatefulSet', statefulSet.metadata),
    },
  ];
}
