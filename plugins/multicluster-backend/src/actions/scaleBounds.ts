import { InputError } from '@backstage/errors';
import type { CacheReader } from '@kubeplatform/clusters-node';

/** The replica counts a scale request may ask for, and why. */
export interface ScaleBounds {
  min: number;
  max: number;
  /** The HPA whose bounds apply, when one targets the workload. */
  autoscaler?: string;
}

/**
 * 0 up to the configured ceiling; within minReplicas..maxReplicas when an HPA targets the
 * workload (it would undo anything outside them anyway).
 */
export function scaleBounds(
  reader: CacheReader,
  workload: { kind: string; namespace: string; name: string },
  ceiling: number,
): ScaleBounds {
  const hpa = reader
    .list('horizontalpodautoscalers', workload.namespace)
    .find(
      h =>
        h.spec?.scaleTargetRef?.kind === workload.kind &&
        h.spec.scaleTargetRef.name === workload.name,
    );
  if (!hpa?.spec) return { min: 0, max: ceiling };
  return {
    min: hpa.spec.minReplicas ?? 1,
    max: Math.min(hpa.spec.maxReplicas, ceiling),
    autoscaler: hpa.metadata?.name,
  };
}

/** The requested replica count, or an InputError that says what is allowed. */
export function checkReplicas(value: unknown, bounds: ScaleBounds): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InputError('replicas must be a whole number');
  }
  if (value < bounds.min || value > bounds.max) {
    const why = bounds.autoscaler
      ? ` (the HorizontalPodAutoscaler ${bounds.autoscaler} bounds it)`
      : '';
    throw new InputError(
      `replicas must be from ${bounds.min} to ${bounds.max}${why}, got ${value}`,
    );
  }
  return value;
}
