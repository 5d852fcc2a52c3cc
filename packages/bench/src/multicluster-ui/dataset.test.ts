import { buildDataset } from './dataset';

describe('buildDataset', () => {
  const dataset = buildDataset({
    clusters: 8,
    workloadsPerCluster: 3,
    podsPerWorkload: 7,
  });

  it('gives both contenders the same clusters, workloads and pods', () => {
    expect(dataset.pods).toBe(8 * 3 * 7);
    const upstream = dataset.upstream.items.map(item => ({
      cluster: item.cluster.name,
      workloads: item.resources
        .find(r => r.type === 'deployments')!
        .resources.map(d => d.metadata?.name)
        .sort(),
      pods: item.resources.find(r => r.type === 'pods')!.resources.length,
    }));
    const ours = dataset.ours.view.clusters.map(c => ({
      cluster: c.cluster.name,
      workloads: c.workloads.map(w => w.name).sort(),
      pods: c.workloads.reduce(
        (n, w) =>
          n + Object.values(w.podPhases).reduce((a, b) => a + (b ?? 0), 0),
        0,
      ),
    }));
    expect(ours).toEqual(upstream);
  });

  it("puts the first cluster's checkout pods in the drawer's detail", () => {
    const { detail } = dataset.ours;
    expect(detail.cluster.name).toBe('cluster-00');
    expect(detail.pods).toHaveLength(7);
    expect(
      detail.pods.every(p => p.name.startsWith('checkout-7d9f8c6b0-')),
    ).toBe(true);
  });

  it('shows the crash-looping pod on both sides', () => {
    const broken = dataset.ours.view.clusters[3];
    expect(broken.health).toBe('error');
    const pods = dataset.upstream.items[3].resources.find(
      r => r.type === 'pods',
    )!.resources;
    expect(
      pods.filter(
        p =>
          p.status?.containerStatuses?.[0].state?.waiting?.reason ===
          'CrashLoopBackOff',
      ),
    ).toHaveLength(1);
  });
});
