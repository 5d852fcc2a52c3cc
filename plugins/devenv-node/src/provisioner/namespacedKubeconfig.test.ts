import type { KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { tokenKubeConfig } from '../testUtils/tokenKubeConfig';
import { namespacedKubeconfig } from './namespacedKubeconfig';

function platformKubeConfig(cluster: {
  server: string;
  tlsServerName?: string;
}): KubeConfig {
  return tokenKubeConfig(
    { name: 'c', caData: 'Q0E=', skipTLSVerify: false, ...cluster },
    'platform-secret',
    'platform',
  );
}

const options = {
  clusterName: 'c',
  namespace: 'dev-alice',
  user: 'dev-alice',
  token: 'env-token',
};

describe('namespacedKubeconfig', () => {
  it('reuses the server and CA, never the platform credentials', async () => {
    const text = await namespacedKubeconfig({
      ...options,
      platformKubeConfig: platformKubeConfig({ server: 'https://k8s:6443' }),
    });
    expect(text).not.toContain('platform-secret');
    const doc = parse(text);
    expect(doc.clusters[0].cluster).toEqual({
      server: 'https://k8s:6443',
      'certificate-authority-data': 'Q0E=',
    });
    expect(doc.users[0].user).toEqual({ token: 'env-token' });
  });

  it("names a pinned catalog cluster by its own host, not the backend's pinned address", async () => {
    const doc = parse(
      await namespacedKubeconfig({
        ...options,
        platformKubeConfig: platformKubeConfig({
          server: 'https://93.184.216.34:6443',
          tlsServerName: 'k8s.example.com',
        }),
      }),
    );
    expect(doc.clusters[0].cluster.server).toBe('https://k8s.example.com:6443');
  });
});
