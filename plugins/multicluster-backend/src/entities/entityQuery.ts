import { Entity } from '@backstage/catalog-model';
import {
  EntityViewExplanation,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_ID_LABEL,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from '@kubeplatform/clusters-common';
import {
  hasPositiveEquality,
  InvalidLabelSelectorError,
  LabelSelector,
  parseLabelSelector,
} from './labelSelector';

/** Which cached objects belong to an entity, derived only from the entity's own annotations. */
export interface EntityQuery {
  selector: LabelSelector;
  /** Restrict to these namespaces; undefined means every watched namespace. */
  namespaces?: string[];
}

export const MAX_NAMESPACES = 100;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const EXAMPLE = `metadata:
  annotations:
    backstage.io/kubernetes-id: <the value of the backstage.io/kubernetes-id label on your workloads>
    # optional, a comma-separated list:
    # backstage.io/kubernetes-namespace: my-namespace`;

/**
 * Reads the annotations Backstage's Kubernetes plugin reads. The label selector annotation wins
 * over kubernetes-id, as upstream. Returns an explanation instead when there is nothing to show.
 */
export function entityQuery(
  entity: Entity,
): EntityQuery | EntityViewExplanation {
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[KUBERNETES_ID_ANNOTATION]?.trim();
  const selectorText =
    annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION]?.trim();
  const namespaceText = annotations[KUBERNETES_NAMESPACE_ANNOTATION];

  if (!id && !selectorText) {
    return {
      code: 'NoKubernetesAnnotations',
      message: `This entity has neither the ${KUBERNETES_ID_ANNOTATION} nor the ${KUBERNETES_LABEL_SELECTOR_ANNOTATION} annotation, so no workloads are linked to it.`,
      example: EXAMPLE,
    };
  }

  let selector: LabelSelector;
  try {
    selector = parseLabelSelector(
      selectorText || `${KUBERNETES_ID_LABEL}=${id}`,
    );
  } catch (error) {
    if (!(error instanceof InvalidLabelSelectorError)) throw error;
    const annotation = selectorText
      ? KUBERNETES_LABEL_SELECTOR_ANNOTATION
      : KUBERNETES_ID_ANNOTATION;
    return {
      code: 'InvalidLabelSelector',
      message: `The ${annotation} annotation is not valid: ${error.message}.`,
      example: EXAMPLE,
    };
  }
  // A selector of only negations and existence tests matches every workload of other teams.
  if (!hasPositiveEquality(selector)) {
    return {
      code: 'InvalidLabelSelector',
      message: `The label selector '${selector.text}' has no positive equality term; see docs/security.md#entity-scope`,
      example: EXAMPLE,
    };
  }

  if (namespaceText === undefined) return { selector };
  const namespaces = [
    ...new Set(
      namespaceText
        .split(',')
        .map(ns => ns.trim())
        .filter(Boolean),
    ),
  ];
  const invalid = namespaces.filter(
    ns => ns.length > 63 || !NAMESPACE.test(ns),
  );
  if (
    invalid.length ||
    !namespaces.length ||
    namespaces.length > MAX_NAMESPACES
  ) {
    let reason = 'it is empty';
    if (invalid.length) {
      const listed = invalid
        .slice(0, 5)
        .map(ns => JSON.stringify(ns.slice(0, 70)))
        .join(', ');
      reason = `${
        invalid.length === 1
          ? 'it lists an invalid namespace'
          : 'it lists invalid namespaces'
      }: ${listed}`;
    } else if (namespaces.length) {
      reason = `it lists ${namespaces.length} namespaces, more than the ${MAX_NAMESPACES} allowed`;
    }
    return {
      code: 'InvalidNamespaceAnnotation',
      message: `The ${KUBERNETES_NAMESPACE_ANNOTATION} annotation is not valid: ${reason}. Use a comma-separated list of Kubernetes namespace names.`,
      example: EXAMPLE,
    };
  }
  return { selector, namespaces };
}

export function isExplanation(
  q: EntityQuery | EntityViewExplanation,
): q is EntityViewExplanation {
  return 'code' in q;
}
