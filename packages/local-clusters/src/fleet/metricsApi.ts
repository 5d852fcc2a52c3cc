import { ApiregistrationV1Api, KubeConfig } from '@kubernetes/client-node';
import { pollUntilConditionTrue } from '../control/conditions';

/** The APIService kwokctl registers for the cluster's metrics-server. */
export const METRICS_API_SERVICE = 'v1beta1.metrics.k8s.io';

/**
 * Waits until the apiserver reports metrics-server's APIService Available: from then on
 * `metrics.k8s.io` answers (at first with an empty list; metrics-server needs two scrapes,
 * 15 s apart, before a pod has usage).
 */
export async function waitForMetricsApi(
  kc: KubeConfig,
  cluster: string,
  signal?: AbortSignal,
): Promise<void> {
  const api = kc.makeApiClient(ApiregistrationV1Api);
  await pollUntilConditionTrue(
    `${cluster}'s metrics-server (APIService ${METRICS_API_SERVICE} Available; its log is kwok/clusters/${cluster}/logs/metrics-server.log)`,
    () => api.readAPIService({ name: METRICS_API_SERVICE }),
    'Available',
    60_000,
    signal,
  );
}
