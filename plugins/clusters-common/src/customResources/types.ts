import type { TrimmedCondition, TrimmedMetadata } from '../trimmed';

/**
 * A custom resource type to watch, as upstream's `kubernetes.customResources` (global) and a
 * cluster's `customResources` name it.
 *
 * @public
 */
export interface CustomResourceType {
  /** The API group, e.g. `argoproj.io`. */
  group: string;
  /** The version within the group, e.g. `v1alpha1`. */
  apiVersion: string;
  /** The plural resource name, e.g. `rollouts`. */
  plural: string;
}

/**
 * The few spec fields health rules and the view read; everything else is dropped.
 *
 * @public
 */
export interface CustomResourceSpecSummary {
  /** Argo Rollouts. */
  replicas?: number;
  /** Argo Rollouts: the rollout is paused by hand. */
  paused?: boolean;
  /** Flux: reconciliation is suspended. */
  suspend?: boolean;
  /** cert-manager Certificate: the Secret the certificate is written to. */
  secretName?: string;
  /** cert-manager Certificate: the issuer. */
  issuerRef?: { kind?: string; name?: string };
  /** Crossplane claims and composites (`spec.compositionRef` or v2's `spec.crossplane.compositionRef`). */
  compositionRef?: { name?: string };
  /** Crossplane claims: the composite resource bound to the claim. */
  resourceRef?: { kind?: string; name?: string };
}

/**
 * A custom resource as the watch cache keeps it: metadata, status conditions and
 * observedGeneration, a phase and message when the controller writes them, and a few spec fields.
 *
 * @public
 */
export interface TrimmedCustomResource<Time = string> {
  /** `<group>/<version>`. */
  apiVersion: string;
  kind: string;
  metadata?: TrimmedMetadata<Time>;
  spec?: CustomResourceSpecSummary;
  status?: {
    /** A number by convention; Argo Rollouts writes a string. */
    observedGeneration?: number | string;
    phase?: string;
    message?: string;
    conditions?: TrimmedCondition<Time>[];
  };
}

/**
 * The health of a custom resource, in kstatus's words, plus `Suspended` for resources a person
 * paused (an Argo CD health state).
 *
 * @public
 */
export type CustomResourceHealthStatus =
  | 'Current'
  | 'InProgress'
  | 'Failed'
  | 'Suspended'
  | 'Terminating'
  | 'Unknown';

/**
 * A custom resource's health and the rule that decided it.
 *
 * @public
 */
export interface CustomResourceHealth {
  status: CustomResourceHealthStatus;
  /** A short machine word, e.g. a condition's reason. */
  reason?: string;
  message?: string;
  /** `kstatus`, or the per-kind rule that applied, e.g. `argo-rollouts`. */
  rule: string;
  /** When the deciding condition last changed, when known. */
  since?: string;
}

/**
 * A custom resource of an entity, as the view shows it.
 *
 * @public
 */
export interface CustomResourceSummary {
  /** `<group>/<version>`. */
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  health: CustomResourceHealth;
  /** The phase the controller writes, e.g. Argo Rollouts' `Degraded`. */
  phase?: string;
  conditions: Array<{
    type: string;
    status: string;
    reason?: string;
    message?: string;
    lastTransitionTime?: string;
  }>;
  createdAt?: string;
}
