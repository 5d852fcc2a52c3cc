import { findDrift } from './buildEntityView';
import { imageTag } from './images';

describe('imageTag', () => {
  it.each([
    ['nginx', 'latest'],
    ['nginx:1.25', '1.25'],
    ['registry.local:5000/shop/checkout', 'latest'],
    ['registry.local:5000/shop/checkout:1.4.2', '1.4.2'],
    ['repo/app@sha256:abc', 'sha256:abc'],
  ])('%s -> %s', (image, tag) => expect(imageTag(image)).toBe(tag));
});

describe('findDrift', () => {
  const cluster = (name: string, tag: string, sidecar = 'v1') => ({
    cluster: { name },
    sync: { state: 'ok' as const },
    problems: [],
    health: 'healthy' as const,
    workloads: [
      {
        kind: 'Deployment' as const,
        name: 'checkout',
        images: [
          { container: 'app', image: `app:${tag}`, tag },
          { container: 'proxy', image: `proxy:${sidecar}`, tag: sidecar },
        ],
      } as any,
    ],
  });

  it('reports containers whose tag differs between clusters, and only those', () => {
    expect(
      findDrift([cluster('dev-eu', '1.5.0'), cluster('prod-us', '1.4.2')]),
    ).toEqual([
      {
        kind: 'Deployment',
        name: 'checkout',
        container: 'app',
        tagsByCluster: { 'dev-eu': '1.5.0', 'prod-us': '1.4.2' },
      },
    ]);
    expect(
      findDrift([cluster('dev-eu', '1.5.0'), cluster('prod-us', '1.5.0')]),
    ).toEqual([]);
  });
});
