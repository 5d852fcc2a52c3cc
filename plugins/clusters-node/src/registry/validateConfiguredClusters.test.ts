import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InClusterServiceAccount } from '../auth/InClusterServiceAccount';
import { ConfigClusterSupplier } from '../sources/ConfigClusterSupplier';
import { builtInAuthStrategies } from './builtInAuthStrategies';
import { validateConfiguredClusters } from './validateConfiguredClusters';

const notInCluster = InClusterServiceAccount.fromEnvironment({});

function validate(
  clusters: object[],
  inCluster: InClusterServiceAccount = notInCluster,
) {
  const supplier = ConfigClusterSupplier.fromConfig(
    new ConfigReader({
      kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters }] },
    }),
    { inCluster },
  );
  validateConfiguredClusters(
    supplier.configuredClusters(),
    builtInAuthStrategies({ inCluster }),
  );
  return supplier;
}

describe('bad cluster config fails startup, naming the cluster and the key', () => {
  it('an unknown authProvider', () => {
    expect(() =>
      validate([
        {
          name: 'ok',
          url: 'https://1.2.3.4',
          authProvider: 'serviceAccount',
          serviceAccountToken: 't',
        },
        { name: 'vaulted', url: 'https://1.2.3.5', authProvider: 'vault' },
      ]),
    ).toThrow(
      /kubernetes\.clusterLocatorMethods\[0\]\.clusters\[1\]\.authProvider: cluster 'vaulted' uses authProvider 'vault', for which no auth strategy is installed \(installed: aks, aws, azure, /,
    );
  });

  it('a missing token outside a cluster', () => {
    expect(() =>
      validate([
        {
          name: 'prod',
          url: 'https://1.2.3.4',
          authProvider: 'serviceAccount',
        },
      ]),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[0].clusters[0]: cluster 'prod': serviceAccountToken is missing for authProvider serviceAccount, and the backend does not run in a cluster (KUBERNETES_SERVICE_HOST / KUBERNETES_SERVICE_PORT are not set) to fall back to the in-cluster service account",
    );
  });

  it('an unreadable CA file', () => {
    expect(() =>
      validate([
        {
          name: 'prod',
          url: 'https://1.2.3.4',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'secret-token-value',
          caFile: '/nonexistent/ca.crt',
        },
      ]),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[0].clusters[0].caFile: cluster 'prod': the CA file '/nonexistent/ca.crt' cannot be read",
    );
  });

  it('two clusters with one name', () => {
    expect(() =>
      validate([
        {
          name: 'prod',
          url: 'https://1.2.3.4',
          authProvider: 'serviceAccount',
          serviceAccountToken: 't',
        },
        {
          name: 'prod',
          url: 'https://1.2.3.5',
          authProvider: 'serviceAccount',
          serviceAccountToken: 't',
        },
      ]),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[0].clusters[1].name: Duplicate cluster name 'prod', already defined at kubernetes.clusterLocatorMethods[0].clusters[0]",
    );
  });

  it('an oidc cluster without a token provider', () => {
    expect(() =>
      validate([
        { name: 'oidc', url: 'https://1.2.3.4', authProvider: 'oidc' },
      ]),
    ).toThrow(
      "kubernetes.clusterLocatorMethods[0].clusters[0]: cluster 'oidc': Must specify a token provider for 'oidc' strategy",
    );
  });

  it('lists every problem at once and never echoes a token', () => {
    let message = '';
    try {
      validate([
        {
          name: 'a',
          url: 'https://1.2.3.4',
          authProvider: 'vault',
          serviceAccountToken: 'secret-token-value',
        },
        {
          name: 'b',
          url: 'https://1.2.3.4',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'secret-token-value',
          caFile: '/nonexistent/ca.crt',
        },
      ]);
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain("cluster 'a' uses authProvider 'vault'");
    expect(message).toContain("cluster 'b': the CA file");
    expect(message).not.toContain('secret-token-value');
  });
});

describe('serviceAccount without a token, in a cluster', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-cluster-'));
    fs.writeFileSync(path.join(dir, 'token'), 'first-token\n');
    fs.writeFileSync(path.join(dir, 'ca.crt'), 'PEM');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const inCluster = () =>
    InClusterServiceAccount.fromEnvironment({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBEPLATFORM_SERVICE_ACCOUNT_DIR: dir,
    });

  it("uses the pod's token (read on every call), CA and API server", async () => {
    const account = inCluster();
    const supplier = validate(
      [{ name: 'self', authProvider: 'serviceAccount' }],
      account,
    );
    const [cluster] = await supplier.getClusters();
    expect(cluster).toMatchObject({
      url: 'https://10.96.0.1:443',
      caFile: path.join(dir, 'ca.crt'),
    });
    const strategy = builtInAuthStrategies({ inCluster: account }).get(
      'serviceAccount',
    )!;
    await expect(strategy.getCredential(cluster)).resolves.toEqual({
      type: 'bearer token',
      token: 'first-token',
    });
    fs.writeFileSync(path.join(dir, 'token'), 'rotated-token');
    await expect(strategy.getCredential(cluster)).resolves.toEqual({
      type: 'bearer token',
      token: 'rotated-token',
    });
  });

  it('keeps a configured url and CA', async () => {
    const supplier = validate(
      [
        {
          name: 'self',
          url: 'https://kubernetes.default.svc',
          caData: 'Q0E=',
          authProvider: 'serviceAccount',
        },
      ],
      inCluster(),
    );
    const [cluster] = await supplier.getClusters();
    expect(cluster).toMatchObject({
      url: 'https://kubernetes.default.svc',
      caData: 'Q0E=',
      caFile: undefined,
    });
  });

  it('an IPv6 service host is bracketed', () => {
    expect(
      InClusterServiceAccount.fromEnvironment({
        KUBERNETES_SERVICE_HOST: 'fd00::1',
        KUBERNETES_SERVICE_PORT: '443',
      }).apiServerUrl(),
    ).toBe('https://[fd00::1]:443');
  });
});
