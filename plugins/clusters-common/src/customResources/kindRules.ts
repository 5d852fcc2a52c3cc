import type { AnyCustomResource } from './conditions';
import {
  conditionOf,
  conditionWithStatus,
  fromCondition,
  observedGenerationOf,
} from './conditions';
import { kstatusGenericHealth, kstatusHealth } from './kstatus';
import type { CustomResourceHealth, CustomResourceHealthStatus } from './types';

/**
 * A health rule for one family of custom resources, in the style of Argo CD's resource health
 * checks (`resource_customizations/<group>/<kind>/health.lua`).
 *
 * @public
 */
export interface CustomResourceHealthRule {
  /** Names the rule in `CustomResourceHealth.rule`. */
  name: string;
  matches(obj: AnyCustomResource): boolean;
  health(obj: AnyCustomResource): CustomResourceHealth;
  /** What to run or read when the rule says Failed. */
  suggestedFix(obj: AnyCustomResource): string;
}

const groupOf = (obj: AnyCustomResource) =>
  obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';

const kubectlTarget = (obj: AnyCustomResource) =>
  `${obj.kind.toLowerCase()}.${groupOf(obj)} ${obj.metadata?.name ?? ''} -n ${
    obj.metadata?.namespace ?? '<namespace>'
  }`;

/** Argo Rollouts phases, other than Healthy, that decide a rollout's health, with the status each means. */
const ROLLOUT_PHASE_STATUS = new Map<string, CustomResourceHealthStatus>([
  ['Degraded', 'Failed'],
  ['Paused', 'Suspended'],
  ['Progressing', 'InProgress'],
]);

/** Argo Rollouts `Rollout`: argoproj.io/Rollout/health.lua. */
const argoRollout: CustomResourceHealthRule = {
  name: 'argo-rollouts',
  matches: obj => groupOf(obj) === 'argoproj.io' && obj.kind === 'Rollout',
  health: obj => {
    const rule = 'argo-rollouts';
    const generation = obj.metadata?.generation;
    const observed = observedGenerationOf(obj);
    if (
      generation !== undefined &&
      observed !== undefined &&
      observed !== generation
    ) {
      return {
        status: 'InProgress',
        reason: 'LatestGenerationNotObserved',
        message: 'Waiting for rollout spec update to be observed',
        rule,
      };
    }
    const invalid = conditionWithStatus(obj, 'InvalidSpec', 'True');
    if (invalid) return fromCondition('Failed', rule, invalid);
    const progressing = conditionOf(obj, 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      return fromCondition('Failed', rule, progressing);
    }
    const replicaFailure = conditionWithStatus(obj, 'ReplicaFailure', 'True');
    if (replicaFailure) return fromCondition('Failed', rule, replicaFailure);
    const phase = obj.status?.phase;
    if (phase === 'Healthy')
      return { status: 'Current', reason: 'Healthy', rule };
    const status = phase && ROLLOUT_PHASE_STATUS.get(phase);
    if (status) {
      const message = obj.status?.message;
      return { status, reason: phase, ...(message && { message }), rule };
    }
    return {
      status: 'InProgress',
      message: 'Waiting for rollout to finish: status has not been reconciled',
      rule,
    };
  },
  suggestedFix: obj =>
    `Read the rollout's status and its analysis runs: kubectl argo rollouts get rollout ${
      obj.metadata?.name ?? ''
    } -n ${
      obj.metadata?.namespace ?? '<namespace>'
    }; abort or retry it once the cause is fixed.`,
};

/** cert-manager `Certificate`: cert-manager.io/Certificate/health.lua. */
const certManagerCertificate: CustomResourceHealthRule = {
  name: 'cert-manager',
  matches: obj =>
    groupOf(obj) === 'cert-manager.io' && obj.kind === 'Certificate',
  health: obj => {
    const rule = 'cert-manager';
    const issuing = conditionWithStatus(obj, 'Issuing', 'True');
    if (issuing) return fromCondition('InProgress', rule, issuing);
    const ready = conditionOf(obj, 'Ready');
    if (ready?.status === 'True') return fromCondition('Current', rule, ready);
    if (ready?.status === 'False') return fromCondition('Failed', rule, ready);
    return { status: 'InProgress', message: 'Waiting for certificate', rule };
  },
  suggestedFix: obj =>
    `Check the issuer and the latest CertificateRequest: kubectl describe ${kubectlTarget(
      obj,
    )}; then kubectl get certificaterequests -n ${
      obj.metadata?.namespace ?? '<namespace>'
    }.`,
};

/** Conditions that mean Crossplane could not apply the resource. */
const CROSSPLANE_FAILING = ['Synced', 'LastAsyncOperation'];
/** Conditions that mean a Crossplane resource is up and usable. */
const CROSSPLANE_HEALTHY = ['Ready', 'Healthy', 'Offered', 'Established'];

/** Crossplane claims and composites: Argo CD's `_.crossplane.io/_/health.lua`. */
const crossplane: CustomResourceHealthRule = {
  name: 'crossplane',
  matches: obj =>
    groupOf(obj).endsWith('crossplane.io') ||
    !!obj.spec?.compositionRef ||
    !!obj.spec?.resourceRef ||
    !!conditionOf(obj, 'Synced'),
  health: obj => {
    const rule = 'crossplane';
    for (const type of CROSSPLANE_FAILING) {
      const c = conditionWithStatus(obj, type, 'False');
      if (c) return fromCondition('Failed', rule, c);
    }
    for (const type of CROSSPLANE_HEALTHY) {
      const c = conditionWithStatus(obj, type, 'True');
      if (c) return fromCondition('Current', rule, c);
    }
    const ready = conditionOf(obj, 'Ready');
    return ready
      ? fromCondition('InProgress', rule, ready)
      : { status: 'InProgress', message: 'Provisioning', rule };
  },
  suggestedFix: obj =>
    `Read the Synced condition and the composed resources: kubectl describe ${kubectlTarget(
      obj,
    )}; crossplane beta trace ${obj.kind.toLowerCase()} ${
      obj.metadata?.name ?? ''
    } -n ${obj.metadata?.namespace ?? '<namespace>'}.`,
};

const FLUX_GROUPS = new Set([
  'kustomize.toolkit.fluxcd.io',
  'helm.toolkit.fluxcd.io',
]);

/** Flux `Kustomization` and `HelmRelease`: suspension, then kstatus (Ready, Stalled, Reconciling). */
const flux: CustomResourceHealthRule = {
  name: 'flux',
  matches: obj =>
    FLUX_GROUPS.has(groupOf(obj)) &&
    (obj.kind === 'Kustomization' || obj.kind === 'HelmRelease'),
  health: obj => {
    const rule = 'flux';
    if (obj.spec?.suspend) {
      return {
        status: 'Suspended',
        reason: 'Suspended',
        message: 'Reconciliation is suspended',
        rule,
      };
    }
    const generic = kstatusGenericHealth(obj);
    if (generic) return { ...generic, rule };
    const ready = conditionOf(obj, 'Ready');
    if (ready?.status === 'True') return fromCondition('Current', rule, ready);
    if (ready?.status === 'False') return fromCondition('Failed', rule, ready);
    return ready
      ? fromCondition('InProgress', rule, ready)
      : { status: 'InProgress', message: 'Waiting for reconciliation', rule };
  },
  suggestedFix: obj =>
    `Read the Ready condition's message, fix the source or values, then: flux reconcile ${
      obj.kind === 'HelmRelease' ? 'helmrelease' : 'kustomization'
    } ${obj.metadata?.name ?? ''} -n ${
      obj.metadata?.namespace ?? '<namespace>'
    }.`,
};

/**
 * Per-kind rules, first match wins; anything else gets kstatus's generic rules.
 *
 * @public
 */
export const CUSTOM_RESOURCE_HEALTH_RULES: readonly CustomResourceHealthRule[] =
  [argoRollout, certManagerCertificate, flux, crossplane];

const kstatusRule: CustomResourceHealthRule = {
  name: 'kstatus',
  matches: () => true,
  health: kstatusHealth,
  suggestedFix: obj =>
    `Read the resource's conditions and its controller's logs: kubectl describe ${kubectlTarget(
      obj,
    )}.`,
};

/**
 * The rule that decides a custom resource's health: a per-kind rule, or kstatus.
 *
 * @public
 */
export function customResourceHealthRule(
  obj: AnyCustomResource,
): CustomResourceHealthRule {
  return CUSTOM_RESOURCE_HEALTH_RULES.find(r => r.matches(obj)) ?? kstatusRule;
}

/**
 * A custom resource's health by its per-kind rule, or by kstatus.
 *
 * @public
 */
export function customResourceHealth(
  obj: AnyCustomResource,
): CustomResourceHealth {
  return customResourceHealthRule(obj).health(obj);
}
