import { demoCustomResources } from './demoCustomResources';

describe('demo custom resources', () => {
  it('checkout has a healthy Rollout and Certificate in dev-eu and broken ones in prod-us', () => {
    const phase = (cluster: string) =>
      demoCustomResources(cluster).map(d => {
        const status = d.status(4) as {
          phase?: string;
          observedGeneration?: string;
          conditions: Array<{ type: string; status: string }>;
        };
        return [
          d.object.kind,
          status.phase ??
            status.conditions.find(c => c.type === 'Ready')?.status,
        ];
      });
    expect(phase('dev-eu')).toEqual([
      ['Rollout', 'Healthy'],
      ['Certificate', 'True'],
    ]);
    expect(phase('prod-us')).toEqual([
      ['Rollout', 'Degraded'],
      ['Certificate', 'False'],
    ]);
    expect(demoCustomResources('prod-us')[0].status(4)).toMatchObject({
      observedGeneration: '4',
    });
  });
});
