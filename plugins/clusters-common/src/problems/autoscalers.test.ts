import type { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';
import { loadFixture } from './__fixtures__/fixtures';
import { codes, objectRef } from './__testUtils__/expectProblem';
import { itDetects } from './__testUtils__/detectorTests';
import { detectAutoscalerProblems } from './autoscalers';

const hpa = (name: string) => loadFixture<V2HorizontalPodAutoscaler>(name);

// There is no metrics API in the local clusters, so every HPA there also reports
// HpaMetricsUnavailable: that is the truth about those clusters, and is asserted as such.
describe('detectAutoscalerProblems', () => {
  itDetects(detectAutoscalerProblems, [
    {
      title:
        'reports HpaAtMaxReplicas as an error (prod-us checkout, 3 of max 3)',
      args: [hpa('prod-us.hpa-at-max')],
      codes: ['HpaAtMaxReplicas:error', 'HpaMetricsUnavailable:warning'],
      expected: [
        {
          object: objectRef('HorizontalPodAutoscaler', 'shop', 'checkout'),
          since: '2026-11-22T15:16:21.000Z',
          messageContains: [
            'at its maximum of 3 replicas (min 2) for Deployment checkout',
          ],
          fixContains: ['Raise maxReplicas'],
        },
      ],
    },
    {
      title: 'reports HpaNearMaxReplicas at 9 of max 10 (dev-eu frontend)',
      args: [hpa('dev-eu.hpa-near-max')],
      codes: ['HpaNearMaxReplicas:warning', 'HpaMetricsUnavailable:warning'],
      expected: [
        {
          object: objectRef(
            'HorizontalPodAutoscaler',
            'problem-fixtures',
            'frontend',
          ),
          since: undefined,
          messageContains: [
            'at 9 of its maximum 10 replicas (90%)',
            '1 replica of headroom left',
          ],
        },
      ],
    },
    {
      title:
        'does not call 4 of 5 near max: that is 80%, and below 10 replicas only "at max" exists (dev-eu payments)',
      args: [hpa('dev-eu.hpa-payments-four-of-five')],
      codes: ['HpaMetricsUnavailable:warning'],
    },
    {
      title:
        'reports a fixed-size HPA (min = max) at max only as info (dev-eu fixed-size)',
      args: [hpa('dev-eu.hpa-fixed-size')],
      codes: ['HpaAtMaxReplicas:info', 'HpaMetricsUnavailable:warning'],
      expected: [{ messageContains: ['minReplicas equals maxReplicas (2)'] }],
    },
    {
      title:
        'reports HpaMetricsUnavailable with the controller message (prod-us search)',
      args: [hpa('prod-us.hpa-metrics-unavailable')],
      codes: ['HpaMetricsUnavailable:warning'],
      expected: [
        {
          object: objectRef('HorizontalPodAutoscaler', 'discovery', 'search'),
          since: '2026-11-22T15:16:22.000Z',
          messageContains: [
            '(FailedGetResourceMetric)',
            'get pods.metrics.k8s.io',
            'keeps Deployment search at 3 replicas',
          ],
          fixContains: ['kubectl get apiservice v1beta1.metrics.k8s.io'],
        },
      ],
    },
    {
      title:
        'reports HpaUnableToScale when the target does not exist (dev-eu orphan)',
      args: [hpa('dev-eu.hpa-missing-target')],
      codes: ['HpaUnableToScale:warning'],
      expected: [
        {
          since: '2026-11-22T15:16:44.000Z',
          messageContains: [
            'cannot read the scale of Deployment does-not-exist (FailedGetScale)',
          ],
          fixContains: [
            'kubectl get -n problem-fixtures deployment/does-not-exist',
          ],
        },
      ],
    },
  ]);

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
});
