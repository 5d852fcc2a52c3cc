import { ConfigReader } from '@backstage/config';
import { EntityScope } from './EntityScope';

const scopeOf = (entityScope: object) =>
  EntityScope.fromConfig(
    new ConfigReader({ kubeplatform: { multicluster: { entityScope } } }),
  );

describe('EntityScope', () => {
  it('allows every namespace without configuration', () => {
    const scope = EntityScope.fromConfig(new ConfigReader({}));
    expect(scope.allows('prod-us', 'kube-system')).toBe(true);
  });

  it('bounds namespaces per cluster, with prefix patterns and a fallback for other clusters', () => {
    const scope = scopeOf({
      namespaces: ['team-*'],
      clusters: [{ cluster: 'prod-us', namespaces: ['shop', 'pay-*'] }],
    });
    expect(scope.allows('prod-us', 'shop')).toBe(true);
    expect(scope.allows('prod-us', 'payments')).toBe(false);
    expect(scope.allows('prod-us', 'pay-eu')).toBe(true);
    expect(scope.allows('prod-us', 'team-a')).toBe(false);
    expect(scope.allows('dev-eu', 'team-a')).toBe(true);
    expect(scope.allows('dev-eu', 'kube-system')).toBe(false);
  });

  it.each([
    [{ namespaces: ['Bad Name'] }, /"Bad Name" is not a namespace name/],
    [{ namespaces: ['*'] }, /"\*" is not a namespace name/],
    [
      {
        clusters: [
          { cluster: 'a', namespaces: ['x'] },
          { cluster: 'a', namespaces: ['y'] },
        ],
      },
      /cluster 'a' is listed twice/,
    ],
  ])('refuses bad configuration %j with a clear message', (config, message) => {
    expect(() => scopeOf(config)).toThrow(message);
  });
});
