import {
  PODS_PER_DEPLOYMENT,
  PODS_PER_PRODUCTION_DEPLOYMENT,
  scaleObjects,
  SCALE_NAMESPACE,
} from './scalePopulation';

describe('scaleObjects', () => {
  it('creates Deployments whose replicas add up to the pods asked for', () => {
    const objects = scaleObjects(PODS_PER_DEPLOYMENT * 2 + 7);
    expect(objects[0]).toMatchObject({
      kind: 'Namespace',
      metadata: { name: SCALE_NAMESPACE },
    });
    const replicas = objects
      .slice(1)
      .map(o => (o as { spec: { replicas: number } }).spec.replicas);
    expect(replicas).toEqual([PODS_PER_DEPLOYMENT, PODS_PER_DEPLOYMENT, 7]);
  });

  it('labels pods for catalog services bench-svc-NN', () => {
    const [, first] = scaleObjects(1) as any[];
    expect(
      first.spec.template.metadata.labels['backstage.io/kubernetes-id'],
    ).toBe('bench-svc-00');
  });
});

describe('the production shape', () => {
  const deployments = scaleObjects(
    PODS_PER_PRODUCTION_DEPLOYMENT * 4,
    'production',
  ).slice(1) as any[];
  const templates = deployments.map(d => d.spec.template);

  it('runs an app and a sidecar in every pod, and a log shipper in every other service', () => {
    expect(
      templates.map(t => t.spec.containers.map((c: any) => c.name)),
    ).toEqual([
      ['app', 'envoy'],
      ['app', 'envoy', 'log-shipper'],
      ['app', 'envoy'],
      ['app', 'envoy', 'log-shipper'],
    ]);
  });

  it('gives the app container env, probes and resource requests', () => {
    const app = templates[0].spec.containers[0];
    expect(app.env.length).toBeGreaterThanOrEqual(5);
    expect(app.livenessProbe).toBeDefined();
    expect(app.readinessProbe).toBeDefined();
    expect(app.resources.requests).toEqual({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
  });

  it('varies images and labels by service', () => {
    const images = new Set(
      templates.flatMap(t => t.spec.containers.map((c: any) => c.image)),
    );
    expect(images.size).toBeGreaterThanOrEqual(10);
    expect(new Set(templates.map(t => t.metadata.labels.team)).size).toBe(4);
    expect(
      new Set(templates.map(t => t.metadata.annotations['checksum/config']))
        .size,
    ).toBe(4);
  });

  it('keeps the selector within the labels, so the Deployments are valid', () => {
    for (const d of deployments)
      expect(d.spec.template.metadata.labels).toMatchObject(
        d.spec.selector.matchLabels,
      );
  });
});
