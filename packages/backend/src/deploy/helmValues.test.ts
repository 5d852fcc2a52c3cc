import { ConfigReader } from '@backstage/config';
import { loadConfigSchema } from '@backstage/config-loader';
import { ConfigClusterSupplier } from '@kubeplatform/clusters-node';
import { parseDevenvSettings } from '@kubeplatform/plugin-devenv-node';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const valuesFile = path.resolve(
  __dirname,
  '../../../../deploy/helm/values.yaml',
);
const text = fs.readFileSync(valuesFile, 'utf8');
const values = parse(text);
const appConfig = values.backstage.appConfig;

/** The `${VAR}`s the app-config reads, as Backstage substitutes them at startup. */
function referencedVariables(value: unknown): string[] {
  const found = JSON.stringify(value).match(/\$\{([A-Z0-9_]+)\}/g) ?? [];
  return [...new Set(found.map(v => v.slice(2, -1)))].sort();
}

/** Keys of the `kubectl create secret generic NAME --from-literal=KEY=…` commands in the header. */
function documentedSecretKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  const commands = text.split(/kubectl create secret generic /).slice(1);
  for (const command of commands) {
    const name = command.split(/\s/)[0];
    const body = command.split(/\n#\s*(?:kubectl|helm)/)[0];
    keys.set(
      name,
      [...body.matchAll(/--from-literal=([A-Z0-9_]+)=/g)].map(m => m[1]),
    );
  }
  return keys;
}

describe('deploy/helm/values.yaml', () => {
  it('passes the config schema of every plugin the backend installs', async () => {
    const schema = await loadConfigSchema({
      dependencies: ['backend'],
      packagePaths: [path.resolve(__dirname, '../../package.json')],
    });
    expect(() =>
      schema.process([{ data: appConfig, context: 'helm values' }]),
    ).not.toThrow();
    expect(() =>
      schema.process([
        {
          data: {
            kubeplatform: { devenv: { sizes: { small: { cpu: '2' } } } },
          },
          context: 'broken',
        },
      ]),
    ).toThrow(/memory|pods/);
  });

  it('gives every variable the app-config reads a source: NODE_ENV or a documented secret key', () => {
    const fromEnv = (values.backstage.extraEnvVars ?? []).map(
      (e: { name: string }) => e.name,
    );
    expect(fromEnv).toContain('NODE_ENV');
    expect(
      values.backstage.extraEnvVars.find(
        (e: { name: string }) => e.name === 'NODE_ENV',
      ).value,
    ).toBe('production');
    const secrets = documentedSecretKeys();
    expect([...secrets.keys()].sort()).toEqual(
      [...values.backstage.extraEnvVarsSecrets].sort(),
    );
    const provided = new Set([...fromEnv, ...[...secrets.values()].flat()]);
    const missing = referencedVariables(appConfig).filter(
      v => !provided.has(v),
    );
    expect(missing).toEqual([]);
  });

  it('configures clusters and environment classes the suite reads without error', async () => {
    const substituted = JSON.parse(
      JSON.stringify(appConfig).replace(/\$\{([A-Z0-9_]+)\}/g, 'x'),
    );
    const clusters = await ConfigClusterSupplier.fromConfig(
      new ConfigReader(substituted),
    ).getClusters();
    expect(clusters.map(c => [c.name, c.authProvider])).toEqual([
      ['prod-us', 'serviceAccount'],
      ['dev-eu', 'serviceAccount'],
    ]);
    const settings = parseDevenvSettings(substituted.kubeplatform.devenv);
    const names = new Set(clusters.map(c => c.name));
    for (const cls of settings.classes) {
      for (const cluster of cls.clusters ?? []) {
        expect(names).toContain(cluster);
      }
    }
  });

  it('runs replicas with a rolling start and no database bundled into the release', () => {
    expect(values.backstage.replicas).toBeGreaterThanOrEqual(2);
    expect(values.backstage.strategy.rollingUpdate).toEqual({
      maxSurge: 1,
      maxUnavailable: 0,
    });
    expect(values.postgresql.enabled).toBe(false);
    // appConfig becomes a ConfigMap: no literal token may be in it.
    expect(JSON.stringify(appConfig)).not.toMatch(/Token":"(?!\$\{)/);
  });
});
