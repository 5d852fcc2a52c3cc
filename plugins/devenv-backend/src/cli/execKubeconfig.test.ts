import { parse, stringify } from 'yaml';
import { execCredential } from './execCredential';
import { execKubeconfig } from './execKubeconfig';
import { cliSignInPageUrl } from './cliSignInPage';

const issued = stringify({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [
    { name: 'dev-eu', cluster: { server: 'https://k8s.example:6443' } },
  ],
  users: [{ name: 'env-devenv-connect', user: { token: 'secret-sa-token' } }],
  contexts: [
    {
      name: 'dev-eu-env',
      context: {
        cluster: 'dev-eu',
        user: 'env-devenv-connect',
        namespace: 'env',
      },
    },
  ],
  'current-context': 'dev-eu-env',
});

describe('credential plugin helpers', () => {
  it('turns an issued kubeconfig into one that runs the plugin and holds no token', () => {
    const yaml = execKubeconfig({
      issuedKubeconfig: issued,
      apiUrl: 'https://b.example/api/devenv',
      cluster: 'dev-eu',
      name: 'env',
    });
    expect(yaml).not.toContain('secret-sa-token');
    const config = parse(yaml);
    expect(config.users).toEqual([
      {
        name: 'env-devenv-connect',
        user: {
          exec: expect.objectContaining({
            apiVersion: 'client.authentication.k8s.io/v1',
            command: 'kubectl-kubeplatform',
            args: [
              'credential',
              '--api',
              'https://b.example/api/devenv',
              'dev-eu/env',
            ],
            interactiveMode: 'Never',
          }),
        },
      },
    ]);
    expect(config.contexts).toEqual(parse(issued).contexts);
    expect(config.clusters).toEqual(parse(issued).clusters);
  });

  it('makes an ExecCredential with the expiry, so kubectl asks again', () => {
    expect(
      execCredential({ kubeconfig: issued, expiresAt: '2030-01-01T01:00:00Z' }),
    ).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: {
        token: 'secret-sa-token',
        expirationTimestamp: '2030-01-01T01:00:00.000Z',
      },
    });
  });

  it('sends the browser only to the app page, with a port and a state', () => {
    const state = 'A'.repeat(43);
    expect(
      cliSignInPageUrl('https://app.example/', { port: '43117', state }),
    ).toBe(`https://app.example/devenv?cli-port=43117&cli-state=${state}`);
    for (const query of [
      { port: '80', state },
      { port: 'http://evil.example', state },
      { port: '43117', state: 'short' },
      { port: '43117', state: `${'A'.repeat(40)}&x=<script>` },
      { port: ['43117'], state },
    ]) {
      expect(() => cliSignInPageUrl('https://app.example', query)).toThrow();
    }
  });
});
