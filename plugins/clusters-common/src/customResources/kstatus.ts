import type { AnyCustomResource } from './conditions';
import {
  conditionOf,
  conditionWithStatus,
  fromCondition,
  observedGenerationOf,
} from './conditions';
import type { CustomResourceHealth } from './types';

const RULE = 'kstatus';

/**
 * kstatus's generic properties, which decide before anything kind-specific: a deletion in
 * progress, a spec the controller has not observed yet (observedGeneration behind generation),
 * `Reconciling` True, `Stalled` True. Undefined when none applies.
 *
 * @public
 */
export function kstatusGenericHealth(
  obj: AnyCustomResource,
): CustomResourceHealth | undefined {
  if (obj.metadata?.deletionTimestamp) {
    return {
      status: 'Terminating',
      message: 'Resource scheduled for deletion',
      rule: RULE,
    };
  }
  const generation = obj.metadata?.generation;
  const observed = observedGenerationOf(obj);
  if (
    generation !== undefined &&
    observed !== undefined &&
    observed < generation
  ) {
    return {
      status: 'InProgress',
      reason: 'LatestGenerationNotObserved',
      message: `${obj.kind} generation is ${generation}, but latest observed generation is ${observed}`,
      rule: RULE,
    };
  }
  const reconciling = conditionWithStatus(obj, 'Reconciling', 'True');
  if (reconciling) return fromCondition('InProgress', RULE, reconciling);
  const stalled = conditionWithStatus(obj, 'Stalled', 'True');
  if (stalled) return fromCondition('Failed', RULE, stalled);
  return undefined;
}

/**
 * The health of any custom resource by kstatus's rules: the generic properties, then the `Ready`
 * condition (True: Current; False, with neither Reconciling nor Stalled True: Failed, as the
 * controller reports it is not ready and not working on it; Unknown: InProgress). A resource with
 * no conditions is Current, as kstatus has it for types without status conventions.
 *
 * @public
 */
export function kstatusHealth(obj: AnyCustomResource): CustomResourceHealth {
  const generic = kstatusGenericHealth(obj);
  if (generic) return generic;
  const ready = conditionOf(obj, 'Ready');
  if (ready?.status === 'True') return fromCondition('Current', RULE, ready);
  if (ready?.status === 'False') return fromCondition('Failed', RULE, ready);
  if (ready) return fromCondition('InProgress', RULE, ready);
  return { status: 'Current', message: 'Resource is current', rule: RULE };
}
