/**
 * Annotations read from catalog entities. They are the ones Backstage's own Kubernetes plugin
 * reads, so an entity that works there works here unchanged.
 *
 * @public
 */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
/** @public */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/**
 * A comma-separated list of namespaces is allowed.
 *
 * @public
 */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/**
 * The label on workloads that ties them to an entity carrying KUBERNETES_ID_ANNOTATION.
 *
 * @public
 */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/**
 * Prefix of every label and annotation Kubeplatform writes to objects it manages.
 *
 * @public
 */
export const KUBEPLATFORM_PREFIX = 'kubeplatform.io/';

/**
 * Field manager used for every server-side apply Kubeplatform performs.
 *
 * @public
 */
export const KUBEPLATFORM_FIELD_MANAGER = 'kubeplatform';
