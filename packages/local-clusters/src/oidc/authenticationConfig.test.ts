import { parse } from 'yaml';
import { renderAuthenticationConfig } from './authenticationConfig';
import { oidcAccessObjects } from './oidcAccess';

describe('renderAuthenticationConfig', () => {
  it('trusts the issuer with its CA for the Backstage client, users as oidc:<email>', () => {
    const config = parse(
      renderAuthenticationConfig(
        {
          issuer: 'https://127.0.0.1:16543',
          port: 16543,
          clientId: 'kubeplatform-backstage',
          clientSecret: 's',
          caFile: '/x/ca.crt',
        },
        '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n',
      ),
    );
    expect(config).toMatchObject({
      apiVersion: 'apiserver.config.k8s.io/v1beta1',
      kind: 'AuthenticationConfiguration',
      jwt: [
        {
          issuer: {
            url: 'https://127.0.0.1:16543',
            certificateAuthority:
              '-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n',
            audiences: ['kubeplatform-backstage'],
          },
          claimMappings: {
            username: { claim: 'email', prefix: 'oidc:' },
            groups: { claim: 'groups', prefix: 'oidc:' },
          },
        },
      ],
    });
  });
});

describe('oidcAccessObjects', () => {
  const subjects = (cluster: string) =>
    oidcAccessObjects(cluster).map(
      o =>
        `${o.metadata?.namespace}:${
          (o as { subjects: { name: string }[] }).subjects[0].name
        }`,
    );

  it('lets alice read the demo namespaces everywhere and bob only in dev-eu', () => {
    expect(subjects('dev-eu').sort()).toEqual([
      'discovery:oidc:alice@example.com',
      'discovery:oidc:bob@example.com',
      'shop:oidc:alice@example.com',
      'shop:oidc:bob@example.com',
    ]);
    expect(subjects('prod-us').sort()).toEqual([
      'discovery:oidc:alice@example.com',
      'shop:oidc:alice@example.com',
    ]);
  });
});
