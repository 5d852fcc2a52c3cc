/**
 * Custom resources are kept as metadata, status conditions, observedGeneration, phase and
 * message, and the few spec fields the health rules read: whatever else a CRD holds may be large
 * and is never shown.
 */
import type {
  CustomResourceSpecSummary,
  TrimmedCondition,
  TrimmedCustomResource,
} from '@kubeplatform/clusters-common';
import { intern } from './intern';
import { trimMetadata, type ApiObject } from './trim';

/** Long controller messages are cut: the view shows a line, not a log. */
const MAX_MESSAGE = 1024;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  return value.length > MAX_MESSAGE ? `${value.slice(0, MAX_MESSAGE)}…` : value;
}

function ref(value: unknown): { kind?: string; name?: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = value as ApiObject;
  const out: { kind?: string; name?: string } = {};
  if (typeof r.kind === 'string') out.kind = r.kind;
  if (typeof r.name === 'string') out.name = r.name;
  return out.kind || out.name ? out : undefined;
}

function trimSpec(
  spec: ApiObject | undefined,
): CustomResourceSpecSummary | undefined {
  if (!spec || typeof spec !== 'object') return undefined;
  const out: CustomResourceSpecSummary = {};
  if (typeof spec.replicas === 'number') out.replicas = spec.replicas;
  if (typeof spec.paused === 'boolean') out.paused = spec.paused;
  if (typeof spec.suspend === 'boolean') out.suspend = spec.suspend;
  if (typeof spec.secretName === 'string') out.secretName = spec.secretName;
  const issuerRef = ref(spec.issuerRef);
  if (issuerRef) out.issuerRef = issuerRef;
  const compositionRef = ref(
    spec.compositionRef ?? spec.crossplane?.compositionRef,
  );
  if (compositionRef) out.compositionRef = { name: compositionRef.name };
  const resourceRef = ref(spec.resourceRef ?? spec.crossplane?.resourceRef);
  if (resourceRef) out.resourceRef = resourceRef;
  return Object.keys(out).length ? out : undefined;
}

function trimCondition(c: ApiObject): TrimmedCondition {
  const out: TrimmedCondition = {
    type: intern(String(c.type)),
    status: intern(String(c.status)),
  };
  if (typeof c.reason === 'string') out.reason = intern(c.reason);
  const message = text(c.message);
  if (message) out.message = message;
  if (typeof c.lastTransitionTime === 'string')
    out.lastTransitionTime = c.lastTransitionTime;
  return out;
}

export function trimCustomResource(raw: ApiObject): TrimmedCustomResource {
  const out: TrimmedCustomResource = {
    apiVersion: intern(String(raw.apiVersion ?? '')),
    kind: intern(String(raw.kind ?? '')),
    metadata: trimMetadata(raw.metadata),
  };
  const spec = trimSpec(raw.spec);
  if (spec) out.spec = spec;
  const s = raw.status;
  if (s && typeof s === 'object') {
    const status: NonNullable<TrimmedCustomResource['status']> = {};
    if (
      typeof s.observedGeneration === 'number' ||
      typeof s.observedGeneration === 'string'
    )
      status.observedGeneration = s.observedGeneration;
    if (typeof s.phase === 'string') status.phase = intern(s.phase);
    const message = text(s.message);
    if (message) status.message = message;
    if (Array.isArray(s.conditions))
      status.conditions = s.conditions
        .filter((c: unknown) => c && typeof c === 'object')
        .map(trimCondition);
    if (Object.keys(status).length) out.status = status;
  }
  return out;
}
