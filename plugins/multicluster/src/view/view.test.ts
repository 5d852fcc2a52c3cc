import {
  driftView,
  fleetView,
  mixedView,
  unreachableView,
} from '../__fixtures__/entityViews';
import {
  clusterBadge,
  clusterRank,
  formatAge,
  syncLabel,
} from './clusterStatus';
import { autoscalerLevel, findDrift, summariseCluster } from './clusterSummary';
import { groupClusters } from './grouping';
import { buildMatrix } from './matrix';

describe('view logic', () => {
  it('never calls a cluster without data or without workloads healthy', () => {
    const dev = unreachableView.clusters.find(
      c => c.cluster.name === 'dev-eu',
    )!;
    expect(clusterBadge({ ...dev, health: 'healthy' }).label).toBe(
      'Unreachable',
    );
    const empty = {
      ...unreachableView.clusters[0],
      workloads: [],
      health: 'healthy' as const,
    };
    expect(clusterBadge(empty).label).toBe('Not deployed');
    for (const state of [
      'timeout',
      'unauthorized',
      'forbidden',
      'syncing',
    ] as const) {
      expect(
        clusterBadge({ ...dev, sync: { state }, health: 'healthy' }).tone,
      ).not.toBe('ok');
    }
  });

  it('ranks errors, then clusters without data, then warnings, then stale, then healthy', () => {
    const [ok] = unreachableView.clusters;
    const ranks = [
      clusterRank({ ...ok, health: 'error' }),
      clusterRank({ ...ok, sync: { state: 'forbidden' } }),
      clusterRank({ ...ok, health: 'warning' }),
      clusterRank({ ...ok, sync: { state: 'stale', ageSeconds: 60 } }),
      clusterRank(ok),
    ];
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(5);
  });

  it('flags partial data of a live cluster', () => {
    expect(
      syncLabel({
        state: 'ok',
        partial: [
          { resource: 'pods', namespace: 'checkout', state: 'forbidden' },
        ],
      }),
    ).toMatchObject({
      label: 'Partial',
      tone: 'warning',
      detail: expect.stringContaining('pods in checkout: forbidden'),
    });
  });

  it('formats ages compactly', () => {
    expect([
      formatAge(5),
      formatAge(720),
      formatAge(7200),
      formatAge(172800),
    ]).toEqual(['5 s', '12 min', '2 h', '2 d']);
  });

  it('drift marks the minority tag, and both tags when two clusters disagree', () => {
    const workload = { kind: 'Deployment' as const, name: 'checkout' };
    const drifts = (view: typeof driftView, cluster: string) =>
      findDrift(view.drift, cluster, workload, 'checkout') !== undefined;
    expect(drifts(driftView, 'dev-eu')).toBe(true);
    expect(drifts(driftView, 'prod-us')).toBe(false);
    expect(drifts(mixedView, 'prod-us')).toBe(true);
    expect(drifts(mixedView, 'dev-eu')).toBe(true);
  });

  it('summarises a cluster: sums, tightest autoscaler, worst problem', () => {
    const prod = mixedView.clusters.find(c => c.cluster.name === 'prod-us')!;
    const summary = summariseCluster(prod, mixedView.drift);
    expect(summary).toMatchObject({
      ready: 11,
      desired: 12,
      restartsLastHour: 7,
      problemCount: 2,
    });
    expect(autoscalerLevel(summary.autoscaler!)).toBe('atMax');
    expect(summary.topProblem!.code).toBe('HpaAtMaxReplicas');
    expect(
      autoscalerLevel({
        ...summary.autoscaler!,
        currentReplicas: 9,
        headroom: 1,
      }),
    ).toBe('nearMax');
    expect(
      autoscalerLevel({
        ...summary.autoscaler!,
        currentReplicas: 4,
        headroom: 6,
      }),
    ).toBe('ok');
  });

  it('groups production, staging, development, then other environments', () => {
    const view = fleetView(12);
    const withOdd = [
      ...view.clusters,
      { ...view.clusters[0], cluster: { name: 'lab-1', environment: 'lab' } },
      { ...view.clusters[0], cluster: { name: 'bare' } },
    ];
    expect(groupClusters(withOdd).map(g => g.environment)).toEqual([
      'production',
      'staging',
      'development',
      'lab',
      'other',
    ]);
  });

  it('builds the matrix with the worst workload first', () => {
    const matrix = buildMatrix(mixedView);
    expect(matrix.rows.map(r => r.name)).toEqual([
      'checkout',
      'checkout-cache',
    ]);
    expect(matrix.clusters.map(c => c.cluster.name)).toEqual([
      'prod-us',
      'dev-eu',
    ]);
    expect(matrix.rows[1].cells.has('dev-eu')).toBe(false);
  });
});
