import { LocalCluster, LocalFleet, loadLocalFleet } from './localFleet';

/**
 * For a test file against the running local fleet: loads the fleet once, before the file's
 * tests, and returns the lookup of its clusters by name that the tests use.
 */
export function loadFleetClustersBeforeAll(): (name: string) => LocalCluster {
  let fleet: LocalFleet | undefined;
  beforeAll(async () => {
    fleet = await loadLocalFleet();
  });
  return name => {
    if (!fleet) {
      throw new Error('the local fleet is loaded in beforeAll, before tests');
    }
    return fleet.cluster(name);
  };
}
