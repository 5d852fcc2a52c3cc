import { ConfigReader } from '@backstage/config';
import { buildConfigReport, describeUnsupportedKeys } from './configReport';

const report = (kubernetes?: object) =>
  buildConfigReport(
    new ConfigReader(kubernetes ? { kubernetes } : {}),
    [],
    new Map(),
  );

describe('buildConfigReport', () => {
  it('is empty without a kubernetes block, and then logs nothing', () => {
    const empty = report();
    expect(empty).toEqual({ unsupportedKeys: [], clusters: [] });
    expect(describeUnsupportedKeys(empty)).toBeUndefined();
  });

  it('honours clusterLocatorContinueOnError, true or false (see gatherClusters)', () => {
    for (const value of [true, false]) {
      expect(
        report({ clusterLocatorContinueOnError: value }).unsupportedKeys,
      ).toEqual([]);
    }
  });

  it('honours gke locators, naming an authProvider upstream would replace by google', () => {
    expect(
      report({
        clusterLocatorMethods: [
          { type: 'gke', projectId: 'a', authProvider: 'googleServiceAccount' },
          { type: 'gke', projectId: 'b', authProvider: 'aws' },
        ],
      }).unsupportedKeys,
    ).toEqual([
      {
        key: 'kubernetes.clusterLocatorMethods[1].authProvider',
        reason:
          "'aws' is not a GKE auth provider: its clusters use 'google', as upstream",
      },
    ]);
  });

  it('honours the multiTenant, singleTenant and catalogRelation service locators and names others', () => {
    for (const type of ['multiTenant', 'singleTenant', 'catalogRelation']) {
      expect(
        report({ serviceLocatorMethod: { type } }).unsupportedKeys,
      ).toEqual([]);
    }
    expect(
      report({ serviceLocatorMethod: { type: 'http' } }).unsupportedKeys,
    ).toEqual([
      {
        key: 'kubernetes.serviceLocatorMethod.type',
        reason:
          "'http' is not supported: every cluster is searched for every entity, as with multiTenant",
      },
    ]);
  });

  it('honours objectTypes and apiVersionOverrides, naming only the values the watch cache cannot follow', () => {
    expect(
      report({
        objectTypes: ['pods', 'deployments', 'limitranges'],
        apiVersionOverrides: { cronjobs: 'v1beta1', ingresses: 'v1beta1' },
      }).unsupportedKeys,
    ).toEqual([
      {
        key: 'kubernetes.objectTypes[2]',
        reason: "'limitranges' is not watched: the view does not show them",
      },
      {
        key: 'kubernetes.apiVersionOverrides.ingresses',
        reason:
          "ingresses are watched at v1: the view reads that version's shape (v1 can be chosen)",
      },
    ]);
  });

  it('names the proxy block and unknown locator types, and not per-cluster custom resources, which are watched', () => {
    expect(
      report({
        serviceLocatorMethod: { type: 'multiTenant' },
        proxy: { middlewareCache: { maxSize: 10 } },
        clusterLocatorMethods: [
          { type: 'localKubectlProxy' },
          { type: 'catalog' },
          { type: 'inventory' },
          {
            type: 'config',
            clusters: [
              {
                name: 'a',
                url: 'https://1.2.3.4',
                authProvider: 'aws',
                customResources: [
                  { group: 'g', apiVersion: 'v1', plural: 'things' },
                ],
              },
            ],
          },
        ],
      }).unsupportedKeys,
    ).toEqual([
      {
        key: 'kubernetes.proxy',
        reason:
          'Kubeplatform has no Kubernetes proxy endpoint, so there is no proxy middleware to cache (only @backstage/plugin-kubernetes-backend reads it, when it runs next to Kubeplatform)',
      },
      {
        key: 'kubernetes.clusterLocatorMethods[2].type',
        reason:
          "the 'inventory' cluster locator is not supported: its clusters are not listed",
      },
    ]);
  });
});
