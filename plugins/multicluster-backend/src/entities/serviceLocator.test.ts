import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { serviceLocatorFromConfig } from './serviceLocator';

const locator = (type?: string) =>
  serviceLocatorFromConfig(
    new ConfigReader(
      type ? { kubernetes: { serviceLocatorMethod: { type } } } : {},
    ),
  );

const entity = (
  annotations: Record<string, string> = {},
  relations: Entity['relations'] = [],
  namespace = 'default',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace, annotations },
  spec: {},
  relations,
});

describe('serviceLocatorFromConfig', () => {
  it('is multiTenant without configuration and for values it does not have', () => {
    expect(locator().type).toBe('multiTenant');
    expect(locator('http').type).toBe('multiTenant');
    expect(locator('multiTenant').locates(entity(), 'prod-us')).toBe(true);
  });

  it('singleTenant: only the cluster of backstage.io/kubernetes-cluster, every cluster without it', () => {
    const single = locator('singleTenant');
    const pinned = entity({ 'backstage.io/kubernetes-cluster': 'prod-us' });
    expect(single.locates(pinned, 'prod-us')).toBe(true);
    expect(single.locates(pinned, 'dev-eu')).toBe(false);
    expect(single.locates(entity(), 'dev-eu')).toBe(true);
  });

  it('catalogRelation: only the clusters the entity dependsOn as resource:<its namespace>/<cluster>', () => {
    const related = locator('catalogRelation');
    const dependsOn = (targetRef: string) => ({ type: 'dependsOn', targetRef });
    const onProd = entity({}, [
      dependsOn('resource:default/prod-us'),
      { type: 'ownedBy', targetRef: 'resource:default/dev-eu' },
    ]);
    expect(related.locates(onProd, 'prod-us')).toBe(true);
    expect(related.locates(onProd, 'dev-eu')).toBe(false);
    expect(related.locates(entity(), 'prod-us')).toBe(false);
    const inShop = entity({}, [dependsOn('resource:shop/prod-us')], 'shop');
    expect(related.locates(inShop, 'prod-us')).toBe(true);
    const otherNamespace = entity({}, [dependsOn('resource:shop/prod-us')]);
    expect(related.locates(otherNamespace, 'prod-us')).toBe(false);
  });
});
