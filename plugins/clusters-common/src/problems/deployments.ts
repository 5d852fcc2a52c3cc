import type { TrimmedDeployment, TrimmedReplicaSet } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { findCondition, sentence } from './conditions';
import { namespaceFlag, problemObject, selectorArg } from './objectRef';
import { replicaFailureProblem } from './replicaFailure';
import { toIso } from './timestamps';
import { Problem } from './types';

/** Conditions the specific detectors below already turn into problems. */
const HANDLED_CONDITIONS = new Set(['Available', 'ReplicaFailure']);

/** Progressing=False with this reason: the controller could not create the new ReplicaSet. */
const REPLICA_SET_CREATE_ERROR = 'ReplicaSetCreateError';

/**
 * A Deployment's problems: a rollout past its progress deadline, pods it cannot create (quota or
 * otherwise), replicas unavailable outside a rollout, and any other condition that is False with
 * a message (what upstream Backstage reports for Deployments).
 */
export function detectDeploymentProblems(
  deployment: TrimmedDeployment<KubernetesTimestamp>,
): Problem[] {
  const problems: Problem[] = [];
  const conditions = deployment.status?.conditions ?? [];
  const metadata = deployment.metadata;
  const name = metadata?.name ?? '(unnamed)';
  const ns = namespaceFlag(metadata);

  const progressing = findCondition(conditions, 'Progressing');
  const deadlineExceeded =
    progressing?.status === 'False' &&
    progressing.reason === 'ProgressDeadlineExceeded';
  if (deadlineExceeded) {
    const desired = deployment.spec?.replicas ?? 1;
    const updated = deployment.status?.updatedReplicas ?? 0;
    const available = deployment.status?.availableReplicas ?? 0;
    problems.push({
      code: 'ProgressDeadlineExceeded',
      severity: 'error',
      message: `Rollout of Deployment ${name} is stuck: it made no progress for ${
        deployment.spec?.progressDeadlineSeconds ?? 600
      }s (${updated}/${desired} replicas updated, ${available} available)${
        progressing.message ? `. ${sentence(progressing.message)}` : '.'
      }`,
      suggestedFix: `Look at the new pods' problems (\`kubectl get pods ${ns}${selectorArg(
        deployment.spec?.selector,
      )}\`, \`kubectl rollout status ${ns}deployment/${name}\`); they usually cannot start or never turn ready. Fix the pod template and roll out again, or go back with \`kubectl rollout undo ${ns}deployment/${name}\`.`,
      object: problemObject('Deployment', metadata),
      since: toIso(progressing.lastTransitionTime),
    });
  }

  // The Deployment could not even create its new ReplicaSet (often a count/replicasets quota).
  const replicaSetCreateError =
    progressing?.status === 'False' &&
    progressing.reason === REPLICA_SET_CREATE_ERROR;
  if (replicaSetCreateError) {
    problems.push(
      replicaFailureProblem(
        'Deployment',
        metadata,
        progressing.reason,
        progressing.message,
        toIso(progressing.lastTransitionTime),
      ),
    );
  }

  const replicaFailure = findCondition(conditions, 'ReplicaFailure');
  if (replicaFailure?.status === 'True') {
    problems.push(
      replicaFailureProblem(
        'Deployment',
        metadata,
        replicaFailure.reason,
        replicaFailure.message,
        toIso(replicaFailure.lastTransitionTime),
      ),
    );
  }

  const unavailable = detectUnavailableReplicas(deployment, deadlineExceeded);
  if (unavailable) problems.push(unavailable);

  for (const condition of conditions) {
    if (
      condition.status !== 'False' ||
      !condition.message ||
      HANDLED_CONDITIONS.has(condition.type) ||
      (condition.type === 'Progressing' &&
        (deadlineExceeded || replicaSetCreateError))
    ) {
      continue;
    }
    problems.push({
      code: 'WorkloadConditionFalse',
      severity: 'warning',
      message: `Deployment ${name} reports ${condition.type}=False${
        condition.reason ? ` (${condition.reason})` : ''
      }: ${sentence(condition.message)}`,
      suggestedFix: `Run \`kubectl describe ${ns}deployment/${name}\` and read its conditions and events.`,
      object: problemObject('Deployment', metadata),
      since: toIso(condition.lastTransitionTime),
    });
  }
  return problems;
}

/**
 * Replicas that are not available. Below minimum availability (Available=False) it is an error;
 * otherwise a warning, except while a rollout is in progress, when a few unavailable replicas are
 * expected and the progress deadline is what catches a rollout that never finishes.
 */
function detectUnavailableReplicas(
  deployment: TrimmedDeployment<KubernetesTimestamp>,
  deadlineExceeded: boolean,
): Problem | undefined {
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status;
  // No status yet: the controller has not seen it, so nothing is known to be unavailable.
  if (!status) return undefined;
  const available = status.availableReplicas ?? 0;
  // The controller leaves zero counts out, so a missing unavailableReplicas means none.
  const unavailable = status.unavailableReplicas ?? 0;
  const conditions = status.conditions ?? [];
  const availableCondition = findCondition(conditions, 'Available');
  const belowMinimum = availableCondition?.status === 'False';
  if (desired === 0 || (!belowMinimum && unavailable <= 0)) return undefined;

  const progressing = findCondition(conditions, 'Progressing');
  const rollingOut =
    progressing?.status === 'True' &&
    progressing.reason !== 'NewReplicaSetAvailable';
  // A rollout in progress expects a few unavailable replicas; a stuck one is ProgressDeadlineExceeded.
  if (!belowMinimum && (rollingOut || deadlineExceeded)) return undefined;

  const name = deployment.metadata?.name ?? '(unnamed)';
  const ns = namespaceFlag(deployment.metadata);
  return {
    code: 'UnavailableReplicas',
    severity: belowMinimum ? 'error' : 'warning',
    message: `Deployment ${name} has ${unavailable} unavailable replica${
      unavailable === 1 ? '' : 's'
    } (${available} of ${desired} desired available)${
      belowMinimum
        ? `, below its minimum availability${
            availableCondition?.message
              ? `: ${sentence(availableCondition.message)}`
              : '.'
          }`
        : '.'
    }`,
    suggestedFix: `The pods' own problems say why they are not available; list them with \`kubectl get pods ${ns}${selectorArg(
      deployment.spec?.selector,
    )}\` and \`kubectl describe ${ns}deployment/${name}\`.`,
    object: problemObject('Deployment', deployment.metadata),
    since: belowMinimum
      ? toIso(availableCondition?.lastTransitionTime)
      : undefined,
  };
}

/**
 * Pods a ReplicaSet cannot create. ReplicaSets owned by a Deployment are skipped: the Deployment
 * copies their ReplicaFailure condition and reports it under its own, better-known name.
 */
export function detectReplicaSetProblems(
  replicaSet: TrimmedReplicaSet<KubernetesTimestamp>,
): Problem[] {
  if (
    (replicaSet.metadata?.ownerReferences ?? []).some(
      owner => owner.kind === 'Deployment',
    )
  ) {
    return [];
  }
  const failure = findCondition(
    replicaSet.status?.conditions,
    'ReplicaFailure',
  );
  if (failure?.status !== 'True') return [];
  return [
    replicaFailureProblem(
      'ReplicaSet',
      replicaSet.metadata,
      failure.reason,
      failure.message,
      toIso(failure.lastTransitionTime),
    ),
  ];
}
