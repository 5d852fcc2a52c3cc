import { createHash } from 'crypto';
import {
  CLASS_LABEL,
  CREATED_BY_ANNOTATION,
  ENVIRONMENT_LABEL,
  EXPIRES_AT_ANNOTATION,
  EXPIRES_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  OWNER_ANNOTATION,
  OWNER_LABEL,
  ownerLabelValue,
  PARAMETERS_ANNOTATION,
  PHASE_ANNOTATION,
  SIZE_ANNOTATION,
  SLEEP_SCHEDULE_ANNOTATION,
  SPEC_HASH_ANNOTATION,
} from '@kubeplatform/clusters-common';
import type { EnvironmentMetadata, ResolvedRequest } from '../classes/types';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The same request always hashes the same, whatever the key order. */
export function specHash(request: ResolvedRequest): string {
  const { name, owner, cluster, size, ttlMs, parameters, sleepSchedule } =
    request;
  const text = JSON.stringify(
    canonical({
      name,
      owner,
      class: request.class,
      cluster,
      size,
      ttlMs,
      parameters,
      sleepSchedule,
    }),
  );
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export function environmentMetadata(
  request: ResolvedRequest,
  options: { expiresAt: Date; createdBy?: string },
): EnvironmentMetadata {
  const annotations: Record<string, string> = {
    [OWNER_ANNOTATION]: request.owner,
    [EXPIRES_AT_ANNOTATION]: options.expiresAt.toISOString(),
    [PARAMETERS_ANNOTATION]: JSON.stringify(request.parameters),
    [SPEC_HASH_ANNOTATION]: specHash(request),
    [PHASE_ANNOTATION]: 'provisioning',
  };
  if (options.createdBy) {
    annotations[CREATED_BY_ANNOTATION] = options.createdBy;
  }
  if (request.size) {
    annotations[SIZE_ANNOTATION] = request.size;
  }
  if (request.sleepSchedule) {
    annotations[SLEEP_SCHEDULE_ANNOTATION] = JSON.stringify(
      request.sleepSchedule,
    );
  }
  return {
    labels: {
      [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
      [ENVIRONMENT_LABEL]: request.name,
      [CLASS_LABEL]: request.class,
      [OWNER_LABEL]: ownerLabelValue(request.owner),
      [EXPIRES_LABEL]: String(Math.floor(options.expiresAt.getTime() / 1000)),
    },
    annotations,
  };
}
