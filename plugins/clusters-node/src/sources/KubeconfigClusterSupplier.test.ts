import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { KubeconfigClusterSupplier } from './KubeconfigClusterSupplier';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: a
    cluster: { server: 'https://127.0.0.1:6443', insecure-skip-tls-verify: true }
  - name: b
    cluster: { server: 'https://127.0.0.1:7443' }
users:
  - name: u
    user: { token: kubeconfig-secret }
contexts:
  - name: dev
    context: { cluster: a, user: u }
  - name: prod
    context: { cluster: b, user: u }
current-context: dev
`;

describe('KubeconfigClusterSupplier', () => {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'kc-')),
    'config',
  );
  beforeAll(() => fs.writeFileSync(file, KUBECONFIG));

  it('gives one cluster per context, each with its own current context', async () => {
    const supplier = KubeconfigClusterSupplier.fromConfig(
      new ConfigReader({ kubeplatform: { kubeconfig: { path: file } } }),
    )!;
    const clusters = await supplier.getClusters();
    expect(
      clusters.map(c => [c.name, c.url, c.source, c.skipTLSVerify]),
    ).toEqual([
      ['dev', 'https://127.0.0.1:6443', 'kubeconfig', true],
      ['prod', 'https://127.0.0.1:7443', 'kubeconfig', false],
    ]);
    expect(clusters[1].kubeConfig!.getCurrentCluster()!.server).toBe(
      'https://127.0.0.1:7443',
    );
    expect(clusters[1].kubeConfig!.getCurrentUser()!.token).toBe(
      'kubeconfig-secret',
    );
  });

  it('keeps only the listed contexts, and is absent without config', async () => {
    const only = new KubeconfigClusterSupplier(file, ['prod']);
    expect((await only.getClusters()).map(c => c.name)).toEqual(['prod']);
    expect(
      KubeconfigClusterSupplier.fromConfig(new ConfigReader({})),
    ).toBeUndefined();
  });
});
