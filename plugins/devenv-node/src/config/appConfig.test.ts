import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';
import { EnvironmentProvisioner } from '../provisioner/EnvironmentProvisioner';
import { parseDevenvSettings } from './readDevenvSettings';

const repoRoot = resolve(__dirname, '../../../..');

describe('the demo app-config', () => {
  const raw = parse(readFileSync(resolve(repoRoot, 'app-config.yaml'), 'utf8'));
  const settings = parseDevenvSettings(raw.kubeplatform.devenv);

  it('defines the three shipped classes', () => {
    expect(settings.classes.map(c => `${c.name}:${c.type}`)).toEqual([
      'namespace:namespace',
      'environment-claim:resource-template',
      'vcluster:resource-template',
    ]);
  });

  it('declares installInfra in every class, as the request template sends it', () => {
    for (const cls of settings.classes) {
      expect(cls.parameters.installInfra?.type).toBe('boolean');
    }
  });

  it('points the namespace class at an infra folder that exists', () => {
    const ns = settings.classes.find(c => c.type === 'namespace')!;
    const folder = resolve(
      repoRoot,
      'packages/backend',
      (ns as any).infraManifests,
    );
    expect(() => readFileSync(resolve(folder, '10-redis.yaml'))).not.toThrow();
  });

  it('refuses an invalid class definition with a clear message', () => {
    expect(() =>
      parseDevenvSettings({
        classes: [{ name: 'x', type: 'namespace', sizes: ['huge'] }],
      }),
    ).toThrow('kubeplatform.devenv.classes[x]: unknown size "huge"');
    expect(() =>
      parseDevenvSettings({
        classes: [
          { name: 'x', type: 'namespace', ttl: { default: '9d', max: '1d' } },
        ],
      }),
    ).toThrow('ttl.default is longer than ttl.max');
  });
});

describe('the demo vcluster class', () => {
  it('plans its own namespace and a HelmRelease, with a vcluster connect command', async () => {
    const raw = parse(
      readFileSync(resolve(repoRoot, 'app-config.yaml'), 'utf8'),
    ).kubeplatform.devenv;
    // The demo offers vcluster nowhere; a cluster that runs Flux would be listed here.
    raw.classes.find((c: any) => c.name === 'vcluster').clusters = ['dev-eu'];
    const details = {
      name: 'dev-eu',
      url: 'https://127.0.0.1:1',
      source: 'config' as const,
    };
    const provisioner = new EnvironmentProvisioner({
      clusters: {
        listClusters: async () => [details],
        getCluster: async () => details,
        getKubeConfig: async () => {
          throw new Error('plan must not call a cluster');
        },
      },
      settings: parseDevenvSettings(raw),
      logger: {
        info() {},
        warn() {},
        error() {},
        debug() {},
        child() {
          return this as any;
        },
      },
      platformUrl: 'http://localhost:7007/api/devenv',
    });
    const plan = await provisioner.plan({
      name: 'alice-vc',
      owner: 'user:alice',
      class: 'vcluster',
      cluster: 'dev-eu',
    });
    expect(
      plan.manifests.map(
        m => `${m.kind}/${m.metadata?.namespace ?? ''}/${m.metadata?.name}`,
      ),
    ).toEqual([
      'Namespace//vcluster-alice-vc',
      'HelmRelease/vcluster-alice-vc/alice-vc',
    ]);
    expect((plan.manifests[1] as any).spec.chart.spec.chart).toBe('vcluster');
    expect(plan.environment.connection).toEqual({
      kind: 'vcluster',
      namespace: 'vcluster-alice-vc',
      command: 'vcluster connect alice-vc -n vcluster-alice-vc',
    });
  });
});
