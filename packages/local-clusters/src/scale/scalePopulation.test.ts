import {
  PODS_PER_DEPLOYMENT,
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
