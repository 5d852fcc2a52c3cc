import type { V1Pod } from '@kubernetes/client-node';
import { podUsageOf, PodMetricsObject } from '../metrics/usage';
import { loadFixture } from './__fixtures__/fixtures';
import { detectProblems } from './detectProblems';
import { detectMemoryNearLimit } from './memoryNearLimit';

// The pod is a real one from dev-eu (checkout, 256Mi memory limit). The PodMetrics are in the
// exact form metrics-server 0.7 serves at /apis/metrics.k8s.io/v1beta1 (nanocores, Ki), written
// for the two sides of the 90 % line: 240Mi (93.75 %) and 229Mi (89.5 %).
const pod = loadFixture<V1Pod>('dev-eu.pod-running-with-limits');
const usage = (name: string) => podUsageOf(loadFixture<PodMetricsObject>(name));
const now = new Date('2026-12-01T14:41:00Z');

describe('detectMemoryNearLimit', () => {
  it('warns about a container at 93.75 % of its memory limit, naming the figures', () => {
    const problems = detectMemoryNearLimit(
      pod,
      usage('dev-eu.podmetrics-near-memory-limit'),
    );
    expect(problems).toEqual([
      {
        code: 'MemoryNearLimit',
        severity: 'warning',
        message:
          'Container checkout uses 240 MiB of its 256 MiB memory limit (94 %): it is OOM-killed when it reaches the limit.',
        suggestedFix:
          "Raise the container's memory limit, or find what holds the memory: kubectl top pod -n shop checkout-585b4f774c-9vskg --containers",
        object: {
          kind: 'Pod',
          namespace: 'shop',
          name: 'checkout-585b4f774c-9vskg',
          container: 'checkout',
        },
        since: '2026-12-01T14:40:12Z',
      },
    ]);
  });

  it('says nothing below 90 % of the limit', () => {
    expect(
      detectMemoryNearLimit(pod, usage('dev-eu.podmetrics-below-memory-limit')),
    ).toEqual([]);
  });

  it('says nothing without a sample, for a container without a limit, or for a pod not running', () => {
    const near = usage('dev-eu.podmetrics-near-memory-limit');
    expect(detectMemoryNearLimit(pod, undefined)).toEqual([]);
    const noLimit = structuredClone(pod);
    noLimit.spec!.containers[0].resources = {
      requests: { memory: '128Mi' },
    };
    expect(detectMemoryNearLimit(noLimit, near)).toEqual([]);
    const pending = structuredClone(pod);
    pending.status!.phase = 'Pending';
    expect(detectMemoryNearLimit(pending, near)).toEqual([]);
  });

  it('is fed through detectProblems by pod uid', () => {
    const near = usage('dev-eu.podmetrics-near-memory-limit');
    const codes = (podUsage?: Map<string, typeof near>) =>
      detectProblems({ pods: [pod], podUsage }, now).map(p => p.code);
    expect(codes(new Map([[pod.metadata!.uid!, near]]))).toEqual([
      'MemoryNearLimit',
    ]);
    expect(codes(new Map([['another-uid', near]]))).toEqual([]);
    expect(codes()).toEqual([]);
  });
});
