import type { V1Pod } from '@kubernetes/client-node';
import { loadFixture } from '../problems/__fixtures__/fixtures';
import {
  containerRequirements,
  podRequirements,
  podUsageOf,
  PodMetricsObject,
  sumRequirements,
  totalUsage,
} from './usage';

describe('podUsageOf', () => {
  it('turns metrics-server quantities into millicores and bytes', () => {
    const usage = podUsageOf(
      loadFixture<PodMetricsObject>('dev-eu.podmetrics-near-memory-limit'),
    );
    expect(usage).toEqual({
      timestamp: '2026-12-01T14:40:12Z',
      windowSeconds: 15.012,
      containers: [
        { name: 'checkout', cpuMillicores: 152, memoryBytes: 240 * 2 ** 20 },
      ],
    });
  });

  it('reads microcores, plain bytes and Go durations with minutes', () => {
    expect(
      podUsageOf({
        window: '1m0.5s',
        containers: [
          { name: 'a', usage: { cpu: '4826u', memory: '1000' } },
          { name: 'b', usage: { cpu: '2', memory: 'nonsense' } },
          { name: 'c' },
        ],
      }),
    ).toEqual({
      windowSeconds: 60.5,
      containers: [
        { name: 'a', cpuMillicores: 5, memoryBytes: 1000 },
        { name: 'b', cpuMillicores: 2000, memoryBytes: 0 },
        { name: 'c', cpuMillicores: 0, memoryBytes: 0 },
      ],
    });
  });

  it('sums a pod over its containers', () => {
    expect(
      totalUsage({
        containers: [
          { name: 'a', cpuMillicores: 5, memoryBytes: 10 },
          { name: 'b', cpuMillicores: 7, memoryBytes: 20 },
        ],
      }),
    ).toEqual({ cpuMillicores: 12, memoryBytes: 30 });
  });
});

describe('requests and limits', () => {
  it('reads a real pod (dev-eu checkout): CPU request, memory request and limit, no CPU limit', () => {
    const pod = loadFixture<V1Pod>('dev-eu.pod-running-with-limits');
    expect(containerRequirements(pod.spec!.containers[0])).toEqual({
      cpuRequestMillicores: 100,
      memoryRequestBytes: 128 * 2 ** 20,
      memoryLimitBytes: 256 * 2 ** 20,
    });
    expect(podRequirements(pod)).toEqual({
      cpuRequestMillicores: 100,
      memoryRequestBytes: 128 * 2 ** 20,
      memoryLimitBytes: 256 * 2 ** 20,
    });
  });

  it('sums requests that are set; a limit only when every part sets one', () => {
    expect(
      sumRequirements([
        { cpuRequestMillicores: 100, cpuLimitMillicores: 500 },
        { memoryRequestBytes: 10, cpuLimitMillicores: 250 },
        { cpuRequestMillicores: 50, memoryLimitBytes: 64 },
      ]),
    ).toEqual({
      cpuRequestMillicores: 150,
      memoryRequestBytes: 10,
    });
    expect(
      sumRequirements([{ cpuLimitMillicores: 500 }, { cpuLimitMillicores: 1 }]),
    ).toEqual({ cpuLimitMillicores: 501 });
    expect(sumRequirements([])).toEqual({});
  });
});
