import { groupRollouts } from '@kubeplatform/clusters-common';
import { buildTimeline } from './buildTimeline';
import { capturedSource } from './__fixtures__/fleet';

describe('buildTimeline (objects captured from the demo fleet)', () => {
  it("shows checkout's rollout in each cluster with its image and revision", () => {
    const entries = buildTimeline([
      capturedSource('dev-eu', 'checkout'),
      capturedSource('prod-us', 'checkout'),
    ]);
    const rollouts = entries.filter(e => e.type === 'rollout');
    expect(rollouts).toEqual([
      expect.objectContaining({
        cluster: 'prod-us',
        namespace: 'shop',
        workload: { kind: 'Deployment', name: 'checkout' },
        time: '2026-12-01T05:36:20Z',
        reason: 'Rollout',
        message: 'Revision 1: checkout kubeplatform-demo/checkout:1.4.2',
        object: { kind: 'ReplicaSet', name: 'checkout-6bc878c6bd' },
        rollout: {
          revision: 1,
          images: [
            {
              container: 'checkout',
              image: 'kubeplatform-demo/checkout:1.4.2',
            },
          ],
        },
      }),
      expect.objectContaining({
        cluster: 'dev-eu',
        time: '2026-12-01T05:36:17Z',
        rollout: {
          revision: 1,
          images: [
            {
              container: 'checkout',
              image: 'kubeplatform-demo/checkout:1.5.0',
            },
          ],
        },
      }),
    ]);
    expect(
      groupRollouts(entries).map(g => [
        g.version,
        g.reached.map(r => r.cluster),
      ]),
    ).toEqual([
      ['1.4.2', ['prod-us']],
      ['1.5.0', ['dev-eu']],
    ]);
    // Newest first, across clusters.
    const times = entries.map(e => Date.parse(e.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('names the image change of a second revision', () => {
    const entries = buildTimeline([capturedSource('prod-us', 'payments')]);
    const [latest] = entries.filter(e => e.type === 'rollout');
    expect(latest).toMatchObject({
      message:
        'Revision 2: payments kubeplatform-demo/payments:2.3.0 → kubeplatform-demo/payments:2.4.0',
      rollout: {
        revision: 2,
        images: [
          { container: 'payments', image: 'kubeplatform-demo/payments:2.4.0' },
        ],
        previousImages: [
          { container: 'payments', image: 'kubeplatform-demo/payments:2.3.0' },
        ],
      },
    });
  });

  it('calls a revision with the same images a config change', () => {
    const source = capturedSource('prod-us', 'payments');
    const [first] = source.replicaSets.filter(
      rs =>
        rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '1',
    );
    const second = source.replicaSets.find(rs => rs !== first)!;
    const entries = buildTimeline([
      {
        ...source,
        replicaSets: [first, { ...second, spec: first.spec }],
      },
    ]);
    expect(entries.filter(e => e.type === 'rollout')).toHaveLength(1);
    expect(entries.find(e => e.type === 'config')).toMatchObject({
      reason: 'ConfigChange',
      message: 'Revision 2: pod template changed, images unchanged',
      rollout: { revision: 2 },
    });
  });

  it("shows prod-us checkout's scaling and its crashes", () => {
    const entries = buildTimeline([capturedSource('prod-us', 'checkout')]);
    expect(
      entries
        .filter(e => e.type === 'scaling')
        .map(e => [e.reason, e.message])
        .sort(),
    ).toEqual([
      [
        'ScalingReplicaSet',
        'Scaled down replica set checkout-6bc878c6bd from 5 to 3',
      ],
      [
        'ScalingReplicaSet',
        'Scaled up replica set checkout-6bc878c6bd from 0 to 5',
      ],
      [
        'SuccessfulRescale',
        'New size: 3; reason: Current number of replicas above Spec.MaxReplicas',
      ],
    ]);
    const restarts = entries.filter(e => e.type === 'restart');
    expect(
      restarts.filter(e => e.reason === 'ContainerRestarted'),
    ).toHaveLength(3);
    expect(restarts.find(e => e.reason === 'ContainerRestarted')).toMatchObject(
      {
        severity: 'warning',
        object: { kind: 'Pod' },
        message: expect.stringMatching(
          /^Container checkout of checkout-6bc878c6bd-\w+ restarted \(Error, exit 1\); \d+ restarts in all$/,
        ),
      },
    );
    expect(restarts.filter(e => e.reason === 'BackOff').length).toBeGreaterThan(
      0,
    );
    expect(
      restarts
        .filter(e => e.reason === 'BackOff')
        .every(e => e.severity === 'warning'),
    ).toBe(true);
    // Normal events are kept as well.
    expect(
      entries.some(e => e.reason === 'Scheduled' && e.severity === 'info'),
    ).toBe(true);
  });

  it("tells the autoscaler's last decision from its status when its event is gone", () => {
    const source = capturedSource('prod-us', 'checkout');
    const withEvent = buildTimeline([source]);
    expect(withEvent.some(e => e.reason === 'AutoscalerScaled')).toBe(false);
    const entries = buildTimeline([
      {
        ...source,
        events: source.events.filter(e => e.reason !== 'SuccessfulRescale'),
      },
    ]);
    expect(entries.find(e => e.reason === 'AutoscalerScaled')).toMatchObject({
      type: 'scaling',
      time: '2026-12-01T05:36:35Z',
      message: 'checkout last scaled to 3 replicas (min 2, max 3)',
      object: { kind: 'HorizontalPodAutoscaler', name: 'checkout' },
    });
  });
});
