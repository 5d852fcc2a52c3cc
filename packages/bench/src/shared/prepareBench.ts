import { BenchDeployment } from '../live/benchDeployment';
import { loadBenchFleet } from './benchFleet';
import { machineLoad } from './machine';

/**
 * What a live bench starts from: the fleet, the machine load before it, and the bench
 * Deployment in a throwaway namespace `bench-<name>-…` on the first cluster.
 */
export async function prepareBench(
  name: string,
  log: (message: string) => void,
) {
  const fleet = await loadBenchFleet();
  const cluster = fleet.clusters[0];
  const namespace = `bench-${name}-${Date.now().toString(36)}`;
  const loadBefore = machineLoad();
  log(`machine load before: ${loadBefore.loadavg.join(' ')}`);
  const deployment = await BenchDeployment.create(cluster, namespace);
  return { fleet, cluster, namespace, loadBefore, deployment };
}
