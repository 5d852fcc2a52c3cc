import { parse } from 'yaml';
import { renderAppConfig } from './appConfigFile';
import { ClusterState } from './fleetState';

const cluster = (name: string, port: number): ClusterState => ({
  name,
  title: name.toUpperCase(),
  region: 'eu-west-1',
  environment: 'development',
  context: name,
  server: `https://127.0.0.1:${port}`,
  port,
  caData: 'Q0E=',
  identity: 'uid',
  configHash: 'hash',
  workdir: '/tmp/x',
  auditLogPath: '/tmp/x/logs/audit.log',
  tokens: {
    reader: `reader-${name}`,
    limited: `limited-${name}`,
    backend: `backend-${name}`,
  },
  limitedNamespaces: ['shop'],
  scalePods: 0,
});

describe('renderAppConfig', () => {
  it('writes the config that @backstage/plugin-kubernetes-backend reads, with the backend token', () => {
    const config = parse(
      renderAppConfig([cluster('dev-eu', 1), cluster('prod-us', 2)]),
    );
    expect(config.kubernetes.serviceLocatorMethod).toEqual({
      type: 'multiTenant',
    });
    expect(config.kubernetes.clusterLocatorMethods).toEqual([
      {
        type: 'config',
        clusters: [
          {
            name: 'dev-eu',
            url: 'https://127.0.0.1:1',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'backend-dev-eu',
            caData: 'Q0E=',
          },
          {
            name: 'prod-us',
            url: 'https://127.0.0.1:2',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'backend-prod-us',
            caData: 'Q0E=',
          },
        ],
      },
    ]);
    expect(config.kubeplatform.clusters[1]).toEqual({
      name: 'prod-us',
      title: 'PROD-US',
      region: 'eu-west-1',
      environment: 'development',
    });
  });

  it('never hands the limited token to the backend', () => {
    expect(renderAppConfig([cluster('dev-eu', 1)])).not.toContain(
      'limited-dev-eu',
    );
  });
});
