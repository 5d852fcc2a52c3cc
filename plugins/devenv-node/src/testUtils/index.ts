/**
 * Test utilities: environments on the real local fleet (the clusters of `yarn clusters up`).
 * For tests only.
 *
 * @packageDocumentation
 */

export type { DevenvFleet } from './DevenvFleet';
export { fleetClusters, type ExtraTestCluster } from './fleetClusters';
export {
  fleetProvisioner,
  namespaceClassSettings,
  type FleetProvisionerOptions,
} from './fleetProvisioner';
export { offlineClusters } from './offlineClusters';
export { provisionerSeeing } from './provisionerSeeing';
export { startTarpit, type Tarpit } from './startTarpit';
export { groupsUserInfo, testAccessPolicy } from './testAccessPolicy';
export { uniqueName } from './uniqueName';
export { readNamespace, waitUntilGone } from './waitUntilGone';
