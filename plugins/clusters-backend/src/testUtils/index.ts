/**
 * Test utilities: a backend with the clusters plugin against the local fleet. For tests only.
 *
 * @packageDocumentation
 */

export { fleetConfig, type ClusterWiring } from './fleetConfig';
export type { FleetCluster } from './FleetCluster';
export {
  clusterResourceEntity,
  serviceEntity,
  type TestEntity,
} from './entities';
export { serviceProbe, type ProbedServices } from './serviceProbe';
export {
  startFleetBackend,
  type FleetBackend,
  type FleetBackendOptions,
} from './startFleetBackend';
