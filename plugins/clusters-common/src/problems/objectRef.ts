import type { V1LabelSelector } from '@kubernetes/client-node';
import type { TrimmedMetadata } from '../trimmed';
import type { KubernetesTimestamp } from './timestamps';
import { ProblemObject } from './types';

/** The ProblemObject for a Kubernetes object, tolerating trimmed metadata. */
export function problemObject(
  kind: string,
  metadata: TrimmedMetadata<KubernetesTimestamp> | undefined,
  container?: string,
): ProblemObject {
  const object: ProblemObject = {
    kind,
    name: metadata?.name ?? '(unnamed)',
  };
  if (metadata?.namespace) object.namespace = metadata.namespace;
  if (container) object.container = container;
  return object;
}

/**
 * `-n <namespace>` for kubectl commands in suggested fixes. Every object these detectors read is
 * namespaced, so a missing namespace means a trimmed object and gets a placeholder.
 */
export function namespaceArg(
  metadata: TrimmedMetadata<KubernetesTimestamp> | undefined,
): string {
  return `-n ${metadata?.namespace || '<namespace>'}`;
}

/** namespaceArg followed by a space, for the middle of a command. */
export function namespaceFlag(
  metadata: TrimmedMetadata<KubernetesTimestamp> | undefined,
): string {
  return `${namespaceArg(metadata)} `;
}

/** `-l key=value,...` from a workload's selector, for listing its pods in a suggested fix. */
export function selectorArg(selector: V1LabelSelector | undefined): string {
  const labels = Object.entries(selector?.matchLabels ?? {});
  if (labels.length === 0) return '-l <selector>';
  return `-l ${labels.map(([key, value]) => `${key}=${value}`).join(',')}`;
}
