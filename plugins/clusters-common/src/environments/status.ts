import { PHASE_ANNOTATION, SLEEPING_ANNOTATION } from './labels';
import type { EnvironmentStatus } from './types';

/**
 * An environment's status, with a message when there is more to say.
 *
 * @public
 */
export interface EnvironmentState {
  status: EnvironmentStatus;
  message?: string;
}

/**
 * The status every environment class shares, decided by the platform's own annotations on the
 * anchor: deleting, then an unfinished or failed create, then sleep. `undefined` when none of
 * them applies, so the class decides readiness from the anchor's own status.
 *
 * @public
 */
export function platformEnvironmentState(anchor: {
  annotations?: Record<string, string>;
  /** Whether Kubernetes is removing the anchor; each class knows how its kind shows that. */
  deleting: boolean;
}): EnvironmentState | undefined {
  const annotations = anchor.annotations ?? {};
  if (anchor.deleting) {
    return { status: 'deleting' };
  }
  if (annotations[PHASE_ANNOTATION] === 'provisioning') {
    return { status: 'provisioning' };
  }
  if (annotations[PHASE_ANNOTATION] === 'failed') {
    return { status: 'failed' };
  }
  if (annotations[SLEEPING_ANNOTATION]) {
    return { status: 'sleeping' };
  }
  return undefined;
}
