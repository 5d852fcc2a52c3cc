import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';
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
