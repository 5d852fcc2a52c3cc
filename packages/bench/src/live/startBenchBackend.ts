import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import { startContender } from '../contenders/startContender';
import { BenchFleet } from '../shared/benchFleet';
import { BENCH_KUBERNETES_ID } from './benchDeployment';

/**
 * Kubeplatform's backend (the `ours` contender: clusters and multicluster plugins, the fleet's
 * config) as its own process, with one more catalog entity whose `backstage.io/kubernetes-id`
 * names the bench Deployment, and the given live-stream settings on top of the product defaults.
 */
export async function startBenchBackend(
  fleet: BenchFleet,
  stream: Record<string, number> = {},
) {
  const config = fleet.spec.config;
  const kubeplatform = (config.kubeplatform ?? {}) as Record<string, unknown>;
  const backend = await startContender('ours', {
    config: {
      ...config,
      kubeplatform: { ...kubeplatform, multicluster: { stream } },
    },
    entities: [...fleet.spec.entities, serviceEntity(BENCH_KUBERNETES_ID)],
  });
  return {
    backend,
    streamUrl: `${backend.apiUrl}/multicluster/entities/component/default/${BENCH_KUBERNETES_ID}/stream`,
  };
}
