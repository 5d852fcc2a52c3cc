import type { KubernetesObject } from '@kubernetes/client-node';
import type {
  EnvironmentClassSummary,
  EnvironmentConnection,
  EnvironmentRequest,
  EnvironmentState,
  ParameterValue,
} from '@kubeplatform/clusters-common';
import type { ClusterClient } from '../kube/ClusterClient';
import type { ObjectRef } from '../kube/objects';

/**
 * A request after its class has applied defaults and checked size, TTL and parameters.
 *
 * @public
 */
export interface ResolvedRequest extends EnvironmentRequest {
  size?: string;
  ttlMs: number;
  parameters: Record<string, ParameterValue>;
  /** The namespace the environment lives in. */
  namespace: string;
}

/** Labels and annotations every object of one environment carries. */
export interface EnvironmentMetadata {
  labels: Record<string, string>;
  /** Only on the anchor object (and a namespace the environment owns). */
  annotations: Record<string, string>;
}

/**
 * One object to write. `create` objects are created with a plain create, so a concurrent
 * request for the same name fails on them instead of sharing them; the rest are applied.
 */
export interface PlannedObject {
  object: KubernetesObject;
  mode: 'create' | 'apply';
}

export interface EnvironmentPlan {
  /** The object whose labels and annotations record the environment. */
  anchor: ObjectRef;
  objects: PlannedObject[];
}

/** @public */
export type ProgressReporter = (message: string) => void;

/**
 * An environment class: how a request becomes Kubernetes objects, and how to read them back.
 *
 * @public
 */
export interface EnvironmentClass {
  readonly name: string;
  readonly type: EnvironmentClassSummary['type'];
  summary(): EnvironmentClassSummary;
  isOfferedOn(cluster: string): boolean;
  /** Applies defaults and the class's rules; throws InputError on anything it refuses. */
  resolve(request: EnvironmentRequest): ResolvedRequest;
  /** Where this class would put an environment of that name (for finding it again). */
  anchorRef(name: string): ObjectRef;
  /** Objects this class would create (not merely apply) for that name. */
  claimedRefs(name: string): ObjectRef[];
  plan(
    request: ResolvedRequest,
    metadata: EnvironmentMetadata,
  ): Promise<EnvironmentPlan>;
  /** Waits until the environment is usable; throws on timeout. */
  waitUntilReady?(
    client: ClusterClient,
    anchor: ObjectRef,
    progress: ProgressReporter,
  ): Promise<KubernetesObject>;
  statusOf(anchor: KubernetesObject): EnvironmentState;
  connectionOf(
    env: { name: string; cluster: string; namespace: string },
    platformUrl: string,
  ): EnvironmentConnection;
  /** Objects to delete, in order, for an environment whose anchor is given. */
  deletionRefs(anchor: KubernetesObject): ObjectRef[];
}
