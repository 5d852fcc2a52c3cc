import type { TrimmedHpa } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { findCondition, sentence } from './conditions';
import { namespaceFlag, problemObject } from './objectRef';
import { toIso } from './timestamps';
import { Problem } from './types';

/** "Near max" starts at this share of maxReplicas, rounded up to a whole replica. */
export const HPA_NEAR_MAX_RATIO = 0.9;

/**
 * Below this maxReplicas there is no replica count that is at least 90% of the maximum yet below
 * it (ceil(0.9 × 9) = 9), so only "at max" can fire. The check is written out so the rule reads
 * plainly: one spare replica out of a handful is not a trend worth a warning.
 */
export const HPA_NEAR_MAX_MIN_MAX_REPLICAS = 10;

/** ScalingActive=False with this reason means the target was scaled to zero on purpose. */
const SCALING_DISABLED = 'ScalingDisabled';

/** AbleToScale=False reasons that mean the HPA cannot act at all (others are routine backoff). */
const UNABLE_TO_SCALE_REASONS = new Set([
  'FailedGetScale',
  'FailedUpdateScale',
]);

/**
 * CPU utilisation target and current value in percent, when the HPA has a CPU resource metric.
 *
 * @public
 */
export function hpaCpuUtilization(hpa: TrimmedHpa<KubernetesTimestamp>): {
  target?: number;
  current?: number;
} {
  const isCpu = (metric: {
    type?: string;
    resource?: { name?: string };
  }): boolean => metric.type === 'Resource' && metric.resource?.name === 'cpu';
  const spec = (hpa.spec?.metrics ?? []).find(isCpu);
  const status = (hpa.status?.currentMetrics ?? []).find(isCpu);
  return {
    target: spec?.resource?.target?.averageUtilization,
    current: status?.resource?.current?.averageUtilization,
  };
}

/**
 * An autoscaler at its maximum (error), at 90% or more of it (warning), unable to compute its
 * metrics, or unable to read or change its target's scale.
 *
 * Rules, in replicas as the HPA reports them in status.currentReplicas:
 * - HpaAtMaxReplicas: current >= maxReplicas. Severity error, except when minReplicas equals
 *   maxReplicas: such an HPA is a fixed size on purpose and is always "at max", so it is info.
 * - HpaNearMaxReplicas: maxReplicas >= 10 and ceil(0.9 × maxReplicas) <= current < maxReplicas.
 */
export function detectAutoscalerProblems(
  hpa: TrimmedHpa<KubernetesTimestamp>,
): Problem[] {
  const problems: Problem[] = [];
  const metadata = hpa.metadata;
  const name = metadata?.name ?? '(unnamed)';
  const ns = namespaceFlag(metadata);
  const conditions = hpa.status?.conditions ?? [];
  const target = hpa.spec?.scaleTargetRef
    ? `${hpa.spec.scaleTargetRef.kind} ${hpa.spec.scaleTargetRef.name}`
    : 'its target';
  const max = hpa.spec?.maxReplicas;
  const min = hpa.spec?.minReplicas ?? 1;
  const current = hpa.status?.currentReplicas;
  const cpu = hpaCpuUtilization(hpa);
  const cpuText =
    cpu.current !== undefined && cpu.target !== undefined
      ? ` CPU is at ${cpu.current}% of requests against a ${cpu.target}% target.`
      : '';
  const limited = findCondition(conditions, 'ScalingLimited');
  const wantsMore =
    limited?.status === 'True' && limited.reason === 'TooManyReplicas';

  if (max !== undefined && current !== undefined && current >= max) {
    const fixedSize = min >= max;
    problems.push({
      code: 'HpaAtMaxReplicas',
      severity: fixedSize ? 'info' : 'error',
      message: fixedSize
        ? `HorizontalPodAutoscaler ${name} runs ${target} at ${current} replicas, its maximum; minReplicas equals maxReplicas (${max}), so it cannot scale either way.${cpuText}`
        : `HorizontalPodAutoscaler ${name} is at its maximum of ${max} replicas (min ${min}) for ${target}, with no room to absorb more load.${
            wantsMore && limited?.message ? ` ${sentence(limited.message)}` : ''
          }${cpuText}`,
      suggestedFix: fixedSize
        ? `If ${target} should follow load, lower minReplicas below maxReplicas; otherwise this is the size you chose.`
        : `Raise maxReplicas (check that the namespace quota and the cluster have room for more pods: \`kubectl describe resourcequota ${ns.trimEnd()}\`), or make each replica handle more load. \`kubectl describe hpa ${ns}${name}\` shows its metrics and recent decisions.`,
      object: problemObject('HorizontalPodAutoscaler', metadata),
      since: wantsMore
        ? toIso(limited?.lastTransitionTime)
        : toIso(hpa.status?.lastScaleTime),
    });
  } else if (
    max !== undefined &&
    current !== undefined &&
    max >= HPA_NEAR_MAX_MIN_MAX_REPLICAS &&
    current >= Math.ceil(HPA_NEAR_MAX_RATIO * max)
  ) {
    problems.push({
      code: 'HpaNearMaxReplicas',
      severity: 'warning',
      message: `HorizontalPodAutoscaler ${name} is at ${current} of its maximum ${max} replicas (${Math.round(
        (current / max) * 100,
      )}%) for ${target}; ${max - current} replica${
        max - current === 1 ? '' : 's'
      } of headroom left.${cpuText}`,
      suggestedFix: `Raise maxReplicas before load grows further (check quota and cluster capacity first: \`kubectl describe resourcequota ${ns.trimEnd()}\`), or make each replica handle more load. \`kubectl describe hpa ${ns}${name}\` shows its metrics.`,
      object: problemObject('HorizontalPodAutoscaler', metadata),
      since: toIso(hpa.status?.lastScaleTime),
    });
  }

  const active = findCondition(conditions, 'ScalingActive');
  if (active?.status === 'False' && active.reason !== SCALING_DISABLED) {
    problems.push({
      code: 'HpaMetricsUnavailable',
      severity: 'warning',
      message: `HorizontalPodAutoscaler ${name} cannot compute its metrics (${
        active.reason ?? 'ScalingActive=False'
      })${
        active.message ? `: ${sentence(active.message)}` : '.'
      } It keeps ${target} at ${
        current ?? 'its current'
      } replicas and will not scale.`,
      suggestedFix: `Check that the metrics API answers (\`kubectl get apiservice v1beta1.metrics.k8s.io\`, \`kubectl top pods ${ns.trimEnd()}\`) and, for utilization targets, that every container of ${target} sets a request for the resource. For custom or external metrics, check the metrics adapter.`,
      object: problemObject('HorizontalPodAutoscaler', metadata),
      since: toIso(active.lastTransitionTime),
    });
  }

  const able = findCondition(conditions, 'AbleToScale');
  if (
    able?.status === 'False' &&
    UNABLE_TO_SCALE_REASONS.has(able.reason ?? '')
  ) {
    problems.push({
      code: 'HpaUnableToScale',
      severity: 'warning',
      message: `HorizontalPodAutoscaler ${name} cannot ${
        able.reason === 'FailedGetScale' ? 'read' : 'change'
      } the scale of ${target} (${able.reason})${
        able.message ? `: ${sentence(able.message)}` : '.'
      }`,
      suggestedFix: `Check that scaleTargetRef names an existing object (\`kubectl get ${ns}${
        hpa.spec?.scaleTargetRef?.kind?.toLowerCase() ?? '<kind>'
      }/${
        hpa.spec?.scaleTargetRef?.name ?? '<name>'
      }\`) and that the HPA controller may update its scale subresource.`,
      object: problemObject('HorizontalPodAutoscaler', metadata),
      since: toIso(able.lastTransitionTime),
    });
  }
  return problems;
}
