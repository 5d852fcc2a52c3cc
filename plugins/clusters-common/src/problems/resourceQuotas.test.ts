import type { TrimmedResourceQuota } from '../trimmed';
import { detectProblems } from './detectProblems';
import { parseQuantity } from './quantity';
import { detectResourceQuotaProblems, quotaUsage } from './resourceQuotas';

const quota = (
  hard: Record<string, string>,
  used: Record<string, string>,
): TrimmedResourceQuota => ({
  metadata: { name: 'shop-quota', namespace: 'shop' },
  spec: { hard },
  status: { hard, used },
});

describe('parseQuantity', () => {
  it.each([
    ['10', 10],
    ['500m', 0.5],
    ['1Gi', 2 ** 30],
    ['2k', 2000],
    ['1.5', 1.5],
    ['3e2', 300],
  ])('reads %s', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });

  it('is undefined for what is not a quantity', () => {
    expect(parseQuantity('lots')).toBeUndefined();
    expect(parseQuantity('1Xi')).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
  });
});

describe('quotaUsage', () => {
  it('lists each limited resource with its use, fraction and whether it is full', () => {
    expect(
      quotaUsage(
        quota(
          { pods: '4', 'requests.memory': '1Gi', 'requests.cpu': '2' },
          { pods: '4', 'requests.memory': '512Mi', 'requests.cpu': '500m' },
        ),
      ),
    ).toEqual([
      { resource: 'pods', used: '4', hard: '4', fraction: 1, atLimit: true },
      {
        resource: 'requests.cpu',
        used: '500m',
        hard: '2',
        fraction: 0.25,
        atLimit: false,
      },
      {
        resource: 'requests.memory',
        used: '512Mi',
        hard: '1Gi',
        fraction: 0.5,
        atLimit: false,
      },
    ]);
  });

  it('counts a resource with nothing used yet as zero', () => {
    expect(quotaUsage(quota({ services: '2' }, {}))).toEqual([
      {
        resource: 'services',
        used: '0',
        hard: '2',
        fraction: 0,
        atLimit: false,
      },
    ]);
  });
});

describe('detectResourceQuotaProblems', () => {
  it('reports a quota with a resource used up, naming it', () => {
    const problems = detectResourceQuotaProblems(
      quota(
        { pods: '4', 'requests.cpu': '2' },
        { pods: '4', 'requests.cpu': '1' },
      ),
    );
    expect(problems).toMatchObject([
      {
        code: 'QuotaAtLimit',
        severity: 'warning',
        object: {
          kind: 'ResourceQuota',
          namespace: 'shop',
          name: 'shop-quota',
        },
      },
    ]);
    expect(problems[0].message).toContain('pods (4 of 4)');
    expect(problems[0].message).not.toContain('requests.cpu');
  });

  it('says nothing below every limit, and runs in detectProblems', () => {
    const roomy = quota({ pods: '4' }, { pods: '3' });
    expect(detectResourceQuotaProblems(roomy)).toEqual([]);
    expect(
      detectProblems(
        { resourceQuotas: [roomy, quota({ pods: '0' }, {})] },
        new Date(),
      ).map(p => p.code),
    ).toEqual(['QuotaAtLimit']);
  });
});
