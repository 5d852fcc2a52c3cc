import { Entity } from '@backstage/catalog-model';
import { entityQuery, EntityQuery } from './entityQuery';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', annotations },
});

describe('entityQuery', () => {
  it('builds the kubernetes-id selector, and lets the label selector annotation win', () => {
    const byId = entityQuery(
      entity({ 'backstage.io/kubernetes-id': 'checkout' }),
    ) as EntityQuery;
    expect(byId.selector.text).toBe('backstage.io/kubernetes-id=checkout');
    expect(byId.namespaces).toBeUndefined();
    const bySelector = entityQuery(
      entity({
        'backstage.io/kubernetes-id': 'checkout',
        'backstage.io/kubernetes-label-selector': 'app=x',
      }),
    ) as EntityQuery;
    expect(bySelector.selector.text).toBe('app=x');
  });

  it('accepts a comma-separated namespace list, including 50 entries', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `ns-${i}`);
    const q = entityQuery(
      entity({
        'backstage.io/kubernetes-id': 'c',
        'backstage.io/kubernetes-namespace': ` shop, discovery ,shop,${fifty.join(
          ',',
        )}`,
      }),
    ) as EntityQuery;
    expect(q.namespaces).toEqual(['shop', 'discovery', ...fifty]);
  });

  it.each([
    [
      'a namespace with odd characters',
      'shop,../etc,Caps',
      /invalid namespaces: "..\/etc", "Caps"/,
    ],
    [
      'too many namespaces',
      Array.from({ length: 101 }, (_, i) => `n${i}`).join(','),
      /101 namespaces/,
    ],
    ['an empty list', ' , ', /it is empty/],
  ])('explains %s instead of failing', (_t, value, message) => {
    const q = entityQuery(
      entity({
        'backstage.io/kubernetes-id': 'c',
        'backstage.io/kubernetes-namespace': value,
      }),
    );
    expect(q).toMatchObject({
      code: 'InvalidNamespaceAnnotation',
      message: expect.stringMatching(message),
    });
  });

  it('explains missing annotations and an invalid selector', () => {
    expect(entityQuery(entity({}))).toMatchObject({
      code: 'NoKubernetesAnnotations',
      example: expect.any(String),
    });
    expect(
      entityQuery(
        entity({ 'backstage.io/kubernetes-label-selector': 'app in (a' }),
      ),
    ).toMatchObject({
      code: 'InvalidLabelSelector',
      message: expect.stringContaining(
        'backstage.io/kubernetes-label-selector',
      ),
    });
    expect(
      entityQuery(entity({ 'backstage.io/kubernetes-id': 'has space' })),
    ).toMatchObject({
      code: 'InvalidLabelSelector',
    });
  });
});
