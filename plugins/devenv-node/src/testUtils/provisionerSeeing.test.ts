import { expiredEnvironment } from '../__fixtures__/expiredEnvironment';
import type { EnvironmentProvisioner } from '../provisioner/EnvironmentProvisioner';
import { reapEnvironments } from '../provisioner/reapEnvironments';
import { provisionerSeeing } from './provisionerSeeing';

/** Two tests' environments on one fleet: each test's reaper pass may touch only its own. */
function sharedFleet() {
  const deleted: string[] = [];
  const provisioner = {
    settings: { reaper: { enabled: false } },
    list: async (filter?: { cluster?: string }) => ({
      items: [
        expiredEnvironment('mine'),
        expiredEnvironment('the-other-tests'),
      ].filter(env => !filter?.cluster || env.cluster === filter.cluster),
      errors: [{ cluster: 'prod-us', message: 'unreachable' }],
    }),
    async delete(_cluster: string, name: string) {
      deleted.push(name);
    },
  } as unknown as EnvironmentProvisioner;
  return { provisioner, deleted };
}

describe('provisionerSeeing', () => {
  it("keeps a test's reaper pass away from the environments of the tests beside it", async () => {
    const { provisioner, deleted } = sharedFleet();
    const report = await reapEnvironments(
      provisionerSeeing(provisioner, ['mine']),
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(deleted).toEqual(['mine']);
    expect(report.deleted).toEqual(['dev-eu/mine']);
  });

  it('passes the filter, the per-cluster errors and every other member through', async () => {
    const { provisioner, deleted } = sharedFleet();
    const seeing = provisionerSeeing(provisioner, ['the-other-tests']);
    const listed = await seeing.list({ cluster: 'dev-eu' });
    expect(listed.items.map(env => env.name)).toEqual(['the-other-tests']);
    expect(listed.errors).toEqual([
      { cluster: 'prod-us', message: 'unreachable' },
    ]);
    expect(await seeing.list({ cluster: 'prod-us' })).toMatchObject({
      items: [],
    });
    await seeing.delete('dev-eu', 'x');
    expect(deleted).toEqual(['x']);
    expect(seeing.settings).toBe(provisioner.settings);
  });
});
