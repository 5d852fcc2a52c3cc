import { trimCustomResource } from './trimCustomResource';

describe('trimCustomResource', () => {
  it('keeps metadata, status conditions, observedGeneration, phase, message and a few spec fields', () => {
    // What the trim keeps; the raw Rollout adds what it drops.
    const metadata = {
      name: 'checkout',
      namespace: 'shop',
      uid: 'u-1',
      resourceVersion: '42',
      generation: 3,
      creationTimestamp: '2026-11-30T10:00:00Z',
      labels: { 'backstage.io/kubernetes-id': 'checkout' },
    };
    const condition = {
      type: 'Progressing',
      status: 'False',
      reason: 'RolloutAborted',
      message: 'Rollout aborted update to revision 3',
      lastTransitionTime: '2026-11-30T11:00:00Z',
    };
    const raw = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: {
        ...metadata,
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"huge":true}',
        },
        managedFields: [{ manager: 'kubectl' }],
      },
      spec: {
        replicas: 3,
        paused: false,
        strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
        template: { spec: { containers: [{ name: 'app', image: 'x' }] } },
      },
      status: {
        observedGeneration: '3',
        phase: 'Degraded',
        message: 'RolloutAborted: aborted',
        currentPodHash: 'abc',
        canary: { weights: { canary: { weight: 20 } } },
        conditions: [{ ...condition, lastUpdateTime: '2026-11-30T11:00:00Z' }],
      },
    };
    expect(trimCustomResource(raw)).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata,
      spec: { replicas: 3, paused: false },
      status: {
        observedGeneration: '3',
        phase: 'Degraded',
        message: 'RolloutAborted: aborted',
        conditions: [condition],
      },
    });
  });

  it('keeps the issuer and Crossplane references, and cuts long messages', () => {
    const trimmed = trimCustomResource({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'tls', namespace: 'shop' },
      spec: {
        secretName: 'tls',
        dnsNames: ['a.example.com'],
        issuerRef: {
          kind: 'ClusterIssuer',
          name: 'letsencrypt',
          group: 'cert-manager.io',
        },
        crossplane: { compositionRef: { name: 'c' } },
      },
      status: {
        conditions: [
          { type: 'Ready', status: 'False', message: 'x'.repeat(5000) },
        ],
      },
    });
    expect(trimmed.spec).toEqual({
      secretName: 'tls',
      issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' },
      compositionRef: { name: 'c' },
    });
    expect(trimmed.status!.conditions![0].message).toHaveLength(1025);
  });

  it('tolerates an object without spec or status', () => {
    const widget = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
    };
    expect(trimCustomResource(widget)).toEqual(widget);
  });
});
