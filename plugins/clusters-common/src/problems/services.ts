import type { TrimmedPod, TrimmedService } from '../trimmed';
import { findCondition } from './conditions';
import { problemObject } from './objectRef';
import type { KubernetesTimestamp } from './timestamps';
import { toIso } from './timestamps';
import { Problem } from './types';

/**
 * How many of the pods a Service selects are ready to receive traffic.
 *
 * @public
 */
export interface ServiceEndpointCounts {
  ready: number;
  total: number;
}

/**
 * The Service's endpoints as its selector sees them, derived from pods (the watch cache holds no
 * EndpointSlices): pods in its namespace whose labels match the selector and that have not
 * finished; ready when their Ready condition is True, as the endpoints controller decides.
 * Undefined for a Service without a selector, whose endpoints are managed by hand.
 *
 * @public
 */
export function serviceEndpoints(
  service: TrimmedService<KubernetesTimestamp>,
  pods: readonly TrimmedPod<KubernetesTimestamp>[],
): ServiceEndpointCounts | undefined {
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return undefined;
  if (service.spec?.type === 'ExternalName') return undefined;
  const namespace = service.metadata?.namespace;
  const selected = pods.filter(
    pod =>
      pod.metadata?.namespace === namespace &&
      pod.status?.phase !== 'Succeeded' &&
      pod.status?.phase !== 'Failed' &&
      Object.entries(selector).every(
        ([key, value]) => pod.metadata?.labels?.[key] === value,
      ),
  );
  const ready = selected.filter(
    pod => findCondition(pod.status?.conditions, 'Ready')?.status === 'True',
  ).length;
  return { ready, total: selected.length };
}

/** When the last selected pod stopped being ready: the latest Ready=False transition. */
function lastReadyLost(
  service: TrimmedService<KubernetesTimestamp>,
  pods: readonly TrimmedPod<KubernetesTimestamp>[],
): string | undefined {
  const selector = Object.entries(service.spec?.selector ?? {});
  return pods
    .filter(
      pod =>
        pod.metadata?.namespace === service.metadata?.namespace &&
        selector.every(([k, v]) => pod.metadata?.labels?.[k] === v),
    )
    .map(pod => {
      const ready = findCondition(pod.status?.conditions, 'Ready');
      return ready?.status === 'True'
        ? undefined
        : toIso(ready?.lastTransitionTime);
    })
    .filter((t): t is string => !!t)
    .sort()
    .pop();
}

/** A Service whose selector finds no ready pod: every request to it fails. */
export function detectServiceProblems(
  service: TrimmedService<KubernetesTimestamp>,
  pods: readonly TrimmedPod<KubernetesTimestamp>[],
): Problem[] {
  const endpoints = serviceEndpoints(service, pods);
  if (!endpoints || endpoints.ready > 0) return [];
  const name = service.metadata?.name ?? '(unnamed)';
  const ns = service.metadata?.namespace || '<namespace>';
  const selector = Object.entries(service.spec?.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  if (endpoints.total === 0) {
    return [
      {
        code: 'ServiceSelectsNoPods',
        severity: 'error',
        message: `Service ${name} selects no pods (${selector}): requests to it fail.`,
        suggestedFix: `Check that the selector matches the pod labels: kubectl -n ${ns} get pods -l ${selector}`,
        object: problemObject('Service', service.metadata),
      },
    ];
  }
  return [
    {
      code: 'ServiceNoReadyEndpoints',
      severity: 'error',
      message: `Service ${name} has no ready endpoints: 0 of ${
        endpoints.total
      } selected pod${
        endpoints.total === 1 ? ' is' : 's are'
      } ready, so requests to it fail.`,
      suggestedFix: `Find out why the pods are not ready: kubectl -n ${ns} describe pods -l ${selector}`,
      object: problemObject('Service', service.metadata),
      since: lastReadyLost(service, pods),
    },
  ];
}
