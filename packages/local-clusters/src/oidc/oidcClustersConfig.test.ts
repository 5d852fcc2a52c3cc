import { parse } from 'yaml';
import { renderOidcClustersConfig } from './oidcClustersConfig';

const appConfig = `
kubernetes:
  serviceLocatorMethod:
    type: multiTenant
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: dev-eu
          url: https://127.0.0.1:16443
          authProvider: serviceAccount
          serviceAccountToken: dev-token
          caData: ZGV2
        - name: prod-us
          url: https://127.0.0.1:16444
          authProvider: serviceAccount
          serviceAccountToken: prod-token
          caData: cHJvZA==
kubeplatform:
  clusters:
    - name: dev-eu
      title: Dev EU
      environment: development
    - name: prod-us
      title: Prod US
      environment: production
`;

describe('renderOidcClustersConfig', () => {
  it('turns the local clusters into oidc clusters read by the cache with their service account', () => {
    const overlay = parse(renderOidcClustersConfig(appConfig));
    expect(overlay.kubernetes.clusterLocatorMethods).toEqual([
      {
        type: 'config',
        clusters: [
          {
            name: 'dev-eu',
            url: 'https://127.0.0.1:16443',
            authProvider: 'oidc',
            oidcTokenProvider: 'oidc',
            caData: 'ZGV2',
          },
          {
            name: 'prod-us',
            url: 'https://127.0.0.1:16444',
            authProvider: 'oidc',
            oidcTokenProvider: 'oidc',
            caData: 'cHJvZA==',
          },
        ],
      },
    ]);
    expect(overlay.kubeplatform.clusters).toEqual([
      {
        name: 'dev-eu',
        title: 'Dev EU',
        environment: 'development',
        cacheCredential: {
          authProvider: 'serviceAccount',
          serviceAccountToken: 'dev-token',
        },
      },
      {
        name: 'prod-us',
        title: 'Prod US',
        environment: 'production',
        cacheCredential: {
          authProvider: 'serviceAccount',
          serviceAccountToken: 'prod-token',
        },
      },
    ]);
  });

  it('refuses a config without clusters', () => {
    expect(() => renderOidcClustersConfig('kubernetes: {}\n')).toThrow(
      'run `yarn clusters up`',
    );
  });
});
