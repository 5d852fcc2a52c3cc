/**
 * Labels and annotations on the objects that make up an environment. The cluster is the source
 * of truth: an object belongs to Kubeplatform only when it carries MANAGED_BY_LABEL with
 * MANAGED_BY_VALUE and ENVIRONMENT_LABEL naming its environment.
 *
 * @public
 */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** @public */
export const MANAGED_BY_VALUE = 'kubeplatform';
/** @public */
export const ENVIRONMENT_LABEL = 'kubeplatform.io/environment';
/** @public */
export const CLASS_LABEL = 'kubeplatform.io/class';
/**
 * Owner ref made label-safe (`user.default.alice`), for selectors; the exact ref is an annotation.
 *
 * @public
 */
export const OWNER_LABEL = 'kubeplatform.io/owner';
/**
 * Expiry as Unix seconds, so a label selector or a human can read it.
 *
 * @public
 */
export const EXPIRES_LABEL = 'kubeplatform.io/expires';

/** @public */
export const OWNER_ANNOTATION = 'kubeplatform.io/owner';
/** @public */
export const EXPIRES_AT_ANNOTATION = 'kubeplatform.io/expires-at';
/** @public */
export const CREATED_BY_ANNOTATION = 'kubeplatform.io/created-by';
/** @public */
export const SIZE_ANNOTATION = 'kubeplatform.io/size';
/** @public */
export const PARAMETERS_ANNOTATION = 'kubeplatform.io/parameters';
/** @public */
export const SLEEP_SCHEDULE_ANNOTATION = 'kubeplatform.io/sleep-schedule';
/**
 * Hash of the request that made the environment; a repeat with the same hash is a no-op.
 *
 * @public
 */
export const SPEC_HASH_ANNOTATION = 'kubeplatform.io/spec-hash';
/**
 * `provisioning` while a create is in flight, then `ready`; `failed` if rollback could not finish.
 *
 * @public
 */
export const PHASE_ANNOTATION = 'kubeplatform.io/phase';
/**
 * Set while asleep: `manual` or `schedule`, so the reaper only wakes what it put to sleep.
 *
 * @public
 */
export const SLEEPING_ANNOTATION = 'kubeplatform.io/sleeping';
/**
 * On a workload: its replica count before the environment went to sleep.
 *
 * @public
 */
export const REPLICAS_BEFORE_SLEEP_ANNOTATION =
  'kubeplatform.io/replicas-before-sleep';

/**
 * `user:default/alice` → `user.default.alice`, a valid label value.
 *
 * @public
 */
export function ownerLabelValue(ownerRef: string): string {
  return ownerRef
    .toLocaleLowerCase('en-US')
    .replace(/[:/]/g, '.')
    .replace(/[^a-z0-9._-]/g, '-')
    .slice(0, 63)
    .replace(/[^a-z0-9]+$/, '');
}

/**
 * Annotations on the catalog Resource of an environment (read by the entity card).
 *
 * @public
 */
export const ENTITY_CLUSTER_ANNOTATION = 'kubeplatform.io/cluster';
/** @public */
export const ENTITY_ENVIRONMENT_ANNOTATION = 'kubeplatform.io/environment';
/** @public */
export const ENTITY_CLASS_ANNOTATION = 'kubeplatform.io/class';
/** @public */
export const ENTITY_EXPIRES_AT_ANNOTATION = 'kubeplatform.io/expires-at';
/** @public */
export const ENTITY_STATUS_ANNOTATION = 'kubeplatform.io/status';
/**
 * The catalog Resource type of an environment, and of a cluster.
 *
 * @public
 */
export const ENVIRONMENT_ENTITY_TYPE = 'dev-environment';
/** @public */
export const CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';
