import type { TrimmedPod, TrimmedService } from '../trimmed';
import { detectProblems } from './detectProblems';
import { detectServiceProblems, serviceEndpoints } from './services';

const service: TrimmedService = {
  metadata: { name: 'checkout', namespace: 'shop' },
  spec: { type: 'ClusterIP', selector: { app: 'checkout' } },
};

function pod(
  name: string,
  ready: boolean,
  extra: { namespace?: string; app?: string; phase?: string } = {},
): TrimmedPod {
  return {
    metadata: {
      name,
      namespace: extra.namespace ?? 'shop',
      labels: { app: extra.app ?? 'checkout' },
    },
    spec: { containers: [] },
    status: {
      phase: extra.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

describe('serviceEndpoints', () => {
  it('counts the running pods the selector matches in its namespace, and the ready ones', () => {
    expect(
      serviceEndpoints(service, [
        pod('a', true),
        pod('b', false),
        pod('c', true, { namespace: 'other' }),
        pod('d', true, { app: 'payments' }),
        pod('e', true, { phase: 'Succeeded' }),
      ]),
    ).toEqual({ ready: 1, total: 2 });
  });

  it('is undefined for a Service without a selector or of type ExternalName', () => {
    expect(
      serviceEndpoints({ metadata: service.metadata, spec: {} }, []),
    ).toBeUndefined();
    expect(
      serviceEndpoints(
        { ...service, spec: { ...service.spec, type: 'ExternalName' } },
        [],
      ),
    ).toBeUndefined();
  });
});

describe('detectServiceProblems', () => {
  it('reports a Service none of whose selected pods is ready', () => {
    const [problem] = detectServiceProblems(service, [
      pod('a', false),
      pod('b', false),
      pod('c', false),
    ]);
    expect(problem).toMatchObject({
      code: 'ServiceNoReadyEndpoints',
      severity: 'error',
      object: { kind: 'Service', namespace: 'shop', name: 'checkout' },
    });
    expect(problem.message).toContain('0 of 3 selected pods are ready');
    expect(problem.suggestedFix).toContain(
      'kubectl -n shop describe pods -l app=checkout',
    );
  });

  it('dates the problem from when the last selected pod stopped being ready', () => {
    const unready = (name: string, at: string) => {
      const p = pod(name, false);
      p.status!.conditions![0].lastTransitionTime = at;
      return p;
    };
    const [problem] = detectServiceProblems(service, [
      unready('a', '2026-01-01T10:00:00Z'),
      unready('b', '2026-01-01T10:05:00Z'),
    ]);
    expect(problem.since).toBe('2026-01-01T10:05:00.000Z');
  });

  it('reports a Service that selects no pod at all', () => {
    expect(detectServiceProblems(service, [])).toMatchObject([
      { code: 'ServiceSelectsNoPods', severity: 'error' },
    ]);
  });

  it('says nothing while one selected pod is ready, or without a selector', () => {
    expect(
      detectServiceProblems(service, [pod('a', false), pod('b', true)]),
    ).toEqual([]);
    expect(
      detectServiceProblems({ metadata: service.metadata, spec: {} }, []),
    ).toEqual([]);
  });

  it('runs in detectProblems against endpointPods, falling back to pods', () => {
    const now = new Date();
    expect(
      detectProblems(
        { services: [service], endpointPods: [pod('a', true)] },
        now,
      ),
    ).toEqual([]);
    expect(
      detectProblems(
        { services: [service], endpointPods: [pod('a', false)] },
        now,
      ).map(p => p.code),
    ).toEqual(['ServiceNoReadyEndpoints']);
  });
});
