import { Entity } from '@backstage/catalog-model';
import { entityQuery, EntityQuery, isExplanation } from './entityQuery';

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

describe('entity scope (issue 11, finding 4)', () => {
  it.each([
    '!nonexistent',
    'app!=checkout',
    'app notin (checkout)',
    'app',
    'app in (a, b)',
    '!a,b!=c,d notin (x),e',
  ])(
    'attack: refuses the selector %j, which has no positive equality term',
    text => {
      expect(
        entityQuery(entity({ 'backstage.io/kubernetes-label-selector': text })),
      ).toMatchObject({
        code: 'InvalidLabelSelector',
        message: `The label selector '${text}' has no positive equality term; see docs/security.md#entity-scope`,
      });
    },
  );

  it.each(['app=checkout', 'app==checkout', 'app in (checkout)', '!x,app=y'])(
    'accepts the selector %j',
    text => {
      const q = entityQuery(
        entity({ 'backstage.io/kubernetes-label-selector': text }),
      );
      expect(isExplanation(q)).toBe(false);
    },
  );
});
