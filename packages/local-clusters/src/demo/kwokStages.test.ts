import { kwokPodStages } from './kwokStages';
import { SIMULATE_LABEL } from './simulations';

type StageDoc = {
  metadata: { name: string };
  spec: {
    selector: {
      matchExpressions: { key: string; operator: string; values?: string[] }[];
    };
  };
};

describe('kwokPodStages', () => {
  const stages = kwokPodStages() as unknown as StageDoc[];
  const byName = (name: string) => stages.find(s => s.metadata.name === name)!;
  const labelKey = `.metadata.labels["${SIMULATE_LABEL}"]`;

  it('keeps simulated pods out of the default ready and complete stages', () => {
    for (const name of ['pod-ready', 'pod-complete']) {
      expect(byName(name).spec.selector.matchExpressions).toContainEqual({
        key: labelKey,
        operator: 'DoesNotExist',
      });
    }
  });

  it('has one stage family per simulation label value', () => {
    const simulated = stages.flatMap(s =>
      s.spec.selector.matchExpressions
        .filter(e => e.key === labelKey && e.operator === 'In')
        .flatMap(e => e.values),
    );
    expect(new Set(simulated)).toEqual(
      new Set([
        'crashloop',
        'image-pull-backoff',
        'oom-killed',
        'never-ready',
        'fail',
      ]),
    );
  });
});
