import type { KubernetesObject } from '@kubernetes/client-node';
import {
  CLASS_LABEL,
  CREATED_BY_ANNOTATION,
  Environment,
  ENVIRONMENT_LABEL,
  EXPIRES_AT_ANNOTATION,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  OWNER_ANNOTATION,
  PARAMETERS_ANNOTATION,
  SIZE_ANNOTATION,
  SLEEP_SCHEDULE_ANNOTATION,
  SLEEPING_ANNOTATION,
} from '@kubeplatform/clusters-common';
import type { EnvironmentClass } from '../classes/types';

/**
 * Whether an object is the anchor of a Kubeplatform environment named `name`: it must carry
 * the managed-by label, the environment label with that name, and the owner annotation.
 */
export function isManagedAnchor(
  object: KubernetesObject | undefined,
  name?: string,
): object is KubernetesObject {
  const labels = object?.metadata?.labels ?? {};
  const annotations = object?.metadata?.annotations ?? {};
  return (
    labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE &&
    !!labels[ENVIRONMENT_LABEL] &&
    (name === undefined || labels[ENVIRONMENT_LABEL] === name) &&
    !!annotations[OWNER_ANNOTATION]
  );
}

/** Whether an object carries the managed-by label and belongs to environment `name`. */
export function isManagedObject(
  object: KubernetesObject | undefined,
  name: string,
): boolean {
  const labels = object?.metadata?.labels ?? {};
  return (
    labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE &&
    labels[ENVIRONMENT_LABEL] === name
  );
}

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) {
    return fallback;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function isoOf(value: unknown): string | undefined {
  if (!value) {
    return undefined;
  }
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function sleptByOf(value: string | undefined): Environment['sleptBy'] {
  if (value === 'schedule' || value === 'manual') {
    return value;
  }
  return value ? 'manual' : undefined;
}

/** Reads an environment back from its anchor object's labels and annotations. */
export function readEnvironment(
  anchor: KubernetesObject,
  cluster: string,
  cls: EnvironmentClass | undefined,
  platformUrl: string,
): Environment {
  const labels = anchor.metadata?.labels ?? {};
  const annotations = anchor.metadata?.annotations ?? {};
  const name = labels[ENVIRONMENT_LABEL];
  const namespace =
    anchor.kind === 'Namespace'
      ? anchor.metadata!.name!
      : anchor.metadata?.namespace ?? '';
  const state = cls
    ? cls.statusOf(anchor)
    : {
        status: 'ready' as const,
        message: 'its class is no longer configured',
      };
  return {
    ref: `${cluster}/${name}`,
    name,
    cluster,
    class: labels[CLASS_LABEL] ?? 'unknown',
    owner: annotations[OWNER_ANNOTATION],
    namespace,
    size: annotations[SIZE_ANNOTATION],
    status: state.status,
    message: state.message,
    createdAt: isoOf(anchor.metadata?.creationTimestamp),
    expiresAt: annotations[EXPIRES_AT_ANNOTATION],
    createdBy: annotations[CREATED_BY_ANNOTATION],
    sleptBy: sleptByOf(annotations[SLEEPING_ANNOTATION]),
    sleepSchedule: parseJson(annotations[SLEEP_SCHEDULE_ANNOTATION], undefined),
    parameters: parseJson(annotations[PARAMETERS_ANNOTATION], {}),
    connection: cls
      ? cls.connectionOf({ name, cluster, namespace }, platformUrl)
      : { kind: 'none' },
  };
}
