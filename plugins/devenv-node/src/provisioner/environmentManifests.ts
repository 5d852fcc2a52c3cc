import { InputError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
} from '@kubeplatform/clusters-common';
import { DEFAULT_APPLY_KINDS } from '../config/settingsSchema';
import { isClusterScoped } from '../kube/objects';

/**
 * A manifest document and where it came from, for error messages.
 *
 * @public
 */
export interface SourcedManifest {
  object: unknown;
  source: string;
}

/**
 * What manifests applied into an environment may be.
 *
 * @public
 */
export interface ManifestPolicy {
  /** `apiVersion/Kind` entries that may be applied. */
  allowedKinds: readonly string[];
  /** `apiVersion/Kind` of every class's anchor: an environment's identity is never applied. */
  anchorKinds: readonly string[];
}

/** Objects named like this are the environment's guardrails (quota, limits, owner binding, …). */
const GUARDRAIL_NAME_PREFIX = 'devenv-';

/** Labels and annotations in Kubeplatform's own domain say what an environment is. */
function isReservedKey(key: string): boolean {
  const prefix = key.includes('/') ? key.slice(0, key.indexOf('/')) : '';
  return prefix === 'kubeplatform.io' || prefix.endsWith('.kubeplatform.io');
}

/**
 * A container image reference: registry, path, tag and digest characters only. No whitespace,
 * so a value pasted into YAML can never carry another document.
 */
const IMAGE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/;

function podSpecsOf(object: KubernetesObject): unknown[] {
  const spec = (object as { spec?: Record<string, any> }).spec;
  return [
    spec,
    spec?.template?.spec,
    spec?.jobTemplate?.spec?.template?.spec,
  ].filter(Boolean);
}

function imageProblems(object: KubernetesObject): string[] {
  const problems: string[] = [];
  for (const podSpec of podSpecsOf(object)) {
    const pod = podSpec as Record<string, unknown>;
    for (const field of [
      'containers',
      'initContainers',
      'ephemeralContainers',
    ]) {
      const containers = pod[field];
      if (!Array.isArray(containers)) continue;
      for (const container of containers) {
        const image = (container as { image?: unknown })?.image;
        if (
          image !== undefined &&
          (typeof image !== 'string' || !IMAGE_REFERENCE.test(image))
        ) {
          problems.push(
            `container image ${JSON.stringify(
              String(image).slice(0, 80),
            )} is not an image reference`,
          );
        }
      }
    }
  }
  return problems;
}

function objectProblems(
  candidate: KubernetesObject,
  policy: ManifestPolicy,
): string[] {
  const typeKey = `${candidate.apiVersion}/${candidate.kind}`;
  if (isClusterScoped(candidate.kind!)) {
    return [
      'is cluster-scoped; only namespaced objects can go into an environment',
    ];
  }
  if (policy.anchorKinds.includes(typeKey)) {
    return [
      `is of the kind of an environment's anchor; environments are created only through Kubeplatform`,
    ];
  }
  if (!policy.allowedKinds.includes(typeKey)) {
    return [
      `${typeKey} is not a kind environments accept (kubeplatform.devenv.apply.allowedKinds)`,
    ];
  }
  const problems: string[] = [];
  if (candidate.metadata!.name!.startsWith(GUARDRAIL_NAME_PREFIX)) {
    problems.push(
      `names starting with "${GUARDRAIL_NAME_PREFIX}" are reserved for the environment's guardrails`,
    );
  }
  const labels = candidate.metadata?.labels ?? {};
  const annotations = candidate.metadata?.annotations ?? {};
  for (const key of Object.keys(labels).filter(isReservedKey)) {
    problems.push(`label ${key} is reserved for Kubeplatform`);
  }
  for (const key of Object.keys(annotations).filter(isReservedKey)) {
    problems.push(`annotation ${key} is reserved for Kubeplatform`);
  }
  if (labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE) {
    problems.push(
      `label ${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE} is reserved for Kubeplatform`,
    );
  }
  problems.push(...imageProblems(candidate));
  return problems;
}

/** The policy when nothing else is known: the default kinds, the built-in anchor kind. */
const DEFAULT_POLICY: ManifestPolicy = {
  allowedKinds: DEFAULT_APPLY_KINDS,
  anchorKinds: ['v1/Namespace'],
};

/**
 * Checks manifests meant for an environment's namespace and places every object there.
 * Refused: anchor kinds, cluster-scoped kinds, kinds outside the allow-list, guardrail names
 * (`devenv-…`), Kubeplatform's labels and annotations, container images that are not image
 * references, and objects naming another namespace. Every problem is reported at once so that
 * nothing is applied from a half-valid set.
 *
 * @public
 */
export function placeInEnvironmentNamespace(
  manifests: SourcedManifest[],
  namespace: string,
  policy: ManifestPolicy = DEFAULT_POLICY,
): KubernetesObject[] {
  const problems: string[] = [];
  const placed: KubernetesObject[] = [];
  for (const { object, source } of manifests) {
    const candidate = object as KubernetesObject | null;
    if (
      !candidate ||
      typeof candidate !== 'object' ||
      Array.isArray(candidate) ||
      typeof candidate.apiVersion !== 'string' ||
      typeof candidate.kind !== 'string' ||
      typeof candidate.metadata?.name !== 'string'
    ) {
      problems.push(
        `${source}: not a Kubernetes object with apiVersion, kind and metadata.name`,
      );
      continue;
    }
    const label = `${source}: ${candidate.kind} ${candidate.metadata!.name}`;
    const refused = objectProblems(candidate, policy);
    if (refused.length) {
      problems.push(...refused.map(problem => `${label} ${problem}`));
      continue;
    }
    const named = candidate.metadata!.namespace;
    if (named !== undefined && named !== namespace) {
      problems.push(
        `${label} names namespace "${named}", not the environment's namespace "${namespace}"`,
      );
      continue;
    }
    placed.push({
      ...candidate,
      metadata: { ...candidate.metadata, namespace },
    });
  }
  if (problems.length) {
    throw new InputError(
      `Nothing was applied: ${
        problems.length
      } manifest problem(s): ${problems.join('; ')}`,
    );
  }
  if (!placed.length) {
    throw new InputError('Nothing was applied: no manifests were given');
  }
  return placed;
}
