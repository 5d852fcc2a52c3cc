import { expiredEnvironment } from '../__fixtures__/expiredEnvironment';
import type { EnvironmentProvisioner } from './EnvironmentProvisioner';
import { ReapAction, reapEnvironments } from './reapEnvironments';

const now = new Date('2026-12-01T10:00:00Z');

describe('reapEnvironments', () => {
  it('tells of each deletion right after it, so a pass that dies midway has told what it did', async () => {
    const told: ReapAction[] = [];
    const deleted: string[] = [];
    let toldBeforeB: ReapAction[] | undefined;
    const provisioner = {
      list: async () => ({
        items: [expiredEnvironment('a'), expiredEnvironment('b')],
        errors: [],
      }),
      delete: async (_cluster: string, name: string) => {
        if (name === 'b') {
          // The replica dies here: whatever was told before this point is all there is.
          toldBeforeB = [...told];
          throw new Error('killed');
        }
        deleted.push(name);
      },
    } as unknown as EnvironmentProvisioner;

    const report = await reapEnvironments(provisioner, now, async done => {
      told.push(done);
    });

    expect(toldBeforeB).toEqual([{ ref: 'dev-eu/a', action: 'delete' }]);
    expect(deleted).toEqual(['a']);
    expect(told).toEqual([{ ref: 'dev-eu/a', action: 'delete' }]);
    expect(report.deleted).toEqual(['dev-eu/a']);
    expect(report.errors).toEqual([{ ref: 'dev-eu/b', message: 'killed' }]);
  });
});
