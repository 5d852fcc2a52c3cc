import type { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, expectProblem } from './__testUtils__/expectProblem';
import { detectAutoscalerProblems } from './autoscalers';

const hpa = (name: string) => loadFixture<V2HorizontalPodAutoscaler>(name);

// There is no metrics API in the local clusters, so every HPA there also reports
// HpaMetricsUnavailable: that is the truth about those clusters, and is asserted as such.
describe('detectAutoscalerProblems', () => {
  it('reports HpaAtMaxReplicas as an error (prod-us checkout, 3 of max 3)', () => {
    const problems = detectAutoscalerProblems(hpa('prod-us.hpa-at-max'));
    expect(codes(problems)).toEqual([
      'HpaAtMaxReplicas:error',
      'HpaMetricsUnavailable:warning',
    ]);
    expectProblem(problems[0], {
      object: {
        kind: 'HorizontalPodAutoscaler',
        namespace: 'shop',
        name: 'checkout',
      },
      since: '2026-11-22T15:16:21.000Z',
      messageContains: [
        'at its maximum of 3 replicas (min 2) for Deployment checkout',
      ],
      fixContains: ['Raise maxReplicas'],
    });
  });

  it('reports HpaNearMaxReplicas at 9 of max 10 (dev-eu frontend)', () => {
    const problems = detectAutoscalerProblems(hpa('dev-eu.hpa-near-max'));
    expect(codes(problems)).toEqual([
      'HpaNearMaxReplicas:warning',
      'HpaMetricsUnavailable:warning',
    ]);
    expect(problems[0].object.name).toBe('frontend');
    expectProblem(problems[0], {
      since: undefined,
      messageContains: [
        'at 9 of its maximum 10 replicas (90%)',
        '1 replica of headroom left',
      ],
    });
  });

  it('does not call 4 of 5 near max: that is 80%, and below 10 replicas only "at max" exists (dev-eu payments)', () => {
    expect(
      codes(detectAutoscalerProblems(hpa('dev-eu.hpa-payments-four-of-five'))),
    ).toEqual(['HpaMetricsUnavailable:warning']);
  });

  it.each([
    [10, 8, []],
    [10, 9, ['HpaNearMaxReplicas:warning']],
    [20, 17, []],
    [20, 18, ['HpaNearMaxReplicas:warning']],
    [20, 19, ['HpaNearMaxReplicas:warning']],
    [20, 20, ['HpaAtMaxReplicas:error']],
    [50, 44, []],
    [50, 45, ['HpaNearMaxReplicas:warning']],
    [9, 8, []],
    [9, 9, ['HpaAtMaxReplicas:error']],
  ])(
    'with maxReplicas %i and %i current replicas reports %j',
    (max, current, expected) => {
      // The real frontend HPA with its metrics condition removed, at other sizes.
      const sized = hpa('dev-eu.hpa-near-max');
      sized.spec!.maxReplicas = max;
      sized.status!.currentReplicas = current;
      sized.status!.conditions = [];
      expect(codes(detectAutoscalerProblems(sized))).toEqual(expected);
    },
  );

  it('reports a fixed-size HPA (min = max) at max only as info (dev-eu fixed-size)', () => {
    const problems = detectAutoscalerProblems(hpa('dev-eu.hpa-fixed-size'));
    expect(codes(problems)).toEqual([
      'HpaAtMaxReplicas:info',
      'HpaMetricsUnavailable:warning',
    ]);
    expect(problems[0].message).toContain('minReplicas equals maxReplicas (2)');
  });

  it('reports HpaMetricsUnavailable with the controller message (prod-us search)', () => {
    const problems = detectAutoscalerProblems(
      hpa('prod-us.hpa-metrics-unavailable'),
    );
    expect(codes(problems)).toEqual(['HpaMetricsUnavailable:warning']);
    expectProblem(problems[0], {
      object: {
        kind: 'HorizontalPodAutoscaler',
        namespace: 'discovery',
        name: 'search',
      },
      since: '2026-11-22T15:16:22.000Z',
      messageContains: [
        '(FailedGetResourceMetric)',
        'get pods.metrics.k8s.io',
        'keeps Deployment search at 3 replicas',
      ],
      fixContains: ['kubectl get apiservice v1beta1.metrics.k8s.io'],
    });
  });

  it('does not report ScalingActive=False when the target was scaled to zero on purpose', () => {
    const scaledToZero = hpa('prod-us.hpa-metrics-unavailable');
    const active = scaledToZero.status!.conditions!.find(
      c => c.type === 'ScalingActive',
    )!;
    active.reason = 'ScalingDisabled';
    active.message =
      'scaling is disabled since the replica count of the target is zero';
    expect(detectAutoscalerProblems(scaledToZero)).toEqual([]);
  });

  it('reports HpaUnableToScale when the target does not exist (dev-eu orphan)', () => {
    const problems = detectAutoscalerProblems(hpa('dev-eu.hpa-missing-target'));
    expect(codes(problems)).toEqual(['HpaUnableToScale:warning']);
    expectProblem(problems[0], {
      since: '2026-11-22T15:16:44.000Z',
      messageContains: [
        'cannot read the scale of Deployment does-not-exist (FailedGetScale)',
      ],
      fixContains: [
        'kubectl get -n problem-fixtures deployment/does-not-exist',
      ],
    });
  });
});
