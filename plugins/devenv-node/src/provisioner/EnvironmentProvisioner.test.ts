import { mockServices } from '@backstage/backend-test-utils';
import { testSettings } from '../__fixtures__/settings';
import { tokenKubeConfig } from '../testUtils/tokenKubeConfig';
import { EnvironmentProvisioner } from './EnvironmentProvisioner';

/** A cluster registry whose clusters cannot be reached: plan must never call them. */
function unreachableClusters(names: string[]) {
  return {
    listClusters: async () =>
      names.map(name => ({
        name,
        url: 'https://127.0.0.1:1',
        source: 'config' as const,
      })),
    getCluster: async (name: string) =>
      names.includes(name)
        ? { name, url: 'https://127.0.0.1:1', source: 'config' as const }
        : undefined,
    getKubeConfig: async (name: string) =>
      tokenKubeConfig({ name, server: 'https://127.0.0.1:1' }, 'secret-token'),
  };
}

function provisioner(
  knownOwners = ['user:default/alice', 'group:default/team-a'],
) {
  return new EnvironmentProvisioner({
    clusters: unreachableClusters(['dev-eu', 'prod-us']),
    settings: testSettings(),
    logger: mockServices.logger.mock(),
    platformUrl: 'http://localhost:7007/api/devenv',
    ownerExists: async ref => knownOwners.includes(ref),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
}

const request = {
  name: 'alice-dev',
  owner: 'user:alice',
  class: 'namespace',
  cluster: 'dev-eu',
};

describe('EnvironmentProvisioner.plan', () => {
  it('plans a namespace with quota, limits, policy, service account and binding', async () => {
    const plan = await provisioner().plan(
      { ...request, size: 'medium', ttl: '2h' },
      { createdBy: 'user:default/alice' },
    );
    expect(plan.manifests.map(m => `${m.kind}/${m.metadata?.name}`)).toEqual([
      'Namespace/alice-dev',
      'ResourceQuota/devenv-quota',
      'LimitRange/devenv-limits',
      'NetworkPolicy/devenv-isolation',
      'ServiceAccount/devenv-connect',
      'RoleBinding/devenv-owner',
    ]);
    const [namespace, quota, , policy, , binding] = plan.manifests as any[];
    expect(namespace.metadata.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'kubeplatform',
      'kubeplatform.io/environment': 'alice-dev',
      'kubeplatform.io/class': 'namespace',
      'kubeplatform.io/owner': 'user.default.alice',
      'kubeplatform.io/expires': String(
        Date.parse('2026-01-01T02:00:00Z') / 1000,
      ),
    });
    expect(namespace.metadata.annotations).toMatchObject({
      'kubeplatform.io/owner': 'user:default/alice',
      'kubeplatform.io/expires-at': '2026-01-01T02:00:00.000Z',
      'kubeplatform.io/phase': 'provisioning',
    });
    expect(quota.spec.hard).toMatchObject({ 'requests.cpu': '4', pods: '40' });
    expect(policy.spec.ingress[0].from).toEqual([
      { podSelector: {} },
      {
        namespaceSelector: {
          matchLabels: { 'kubeplatform.io/network-peer': 'ingress-nginx' },
        },
      },
      {
        namespaceSelector: {
          matchLabels: { 'kubeplatform.io/network-peer': 'kube-system' },
        },
      },
    ]);
    expect(binding.roleRef.name).toBe('edit');
    expect(binding.subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' },
      {
        kind: 'ServiceAccount',
        name: 'devenv-connect',
        namespace: 'alice-dev',
      },
    ]);
    expect(plan.environment).toMatchObject({
      ref: 'dev-eu/alice-dev',
      status: 'provisioning',
      expiresAt: '2026-01-01T02:00:00.000Z',
      connection: { kind: 'kubeconfig', namespace: 'alice-dev' },
    });
    expect(JSON.stringify(plan)).not.toContain('secret-token');
  });

  it('maps a group owner to a Group subject', async () => {
    const plan = await provisioner().plan({
      ...request,
      owner: 'group:team-a',
    });
    const binding = plan.manifests.find(m => m.kind === 'RoleBinding') as any;
    expect(binding.subjects[0]).toMatchObject({
      kind: 'Group',
      name: 'team-a',
    });
  });

  it('renders the environment claim with typed parameters', async () => {
    const plan = await provisioner().plan({
      ...request,
      class: 'environment-claim',
      parameters: { installInfra: false },
    });
    expect(plan.manifests).toHaveLength(1);
    expect(plan.manifests[0]).toMatchObject({
      apiVersion: 'salaboy.com/v1alpha1',
      kind: 'Environment',
      metadata: { name: 'alice-dev', namespace: 'default' },
      spec: {
        compositionSelector: { matchLabels: { type: 'development' } },
        parameters: { installInfra: false },
        writeConnectionSecretToRef: { name: 'alice-dev-connection' },
      },
    });
    expect(plan.environment.connection).toMatchObject({
      kind: 'secret',
      secretRef: { namespace: 'default', name: 'alice-dev-connection' },
    });
  });

  it.each([
    [{ name: 'Alice' }, 'name must be a DNS-1123 label'],
    [{ name: 'a'.repeat(64) }, 'at most 63'],
    [{ name: '-alice' }, 'DNS-1123'],
    [{ name: 'kube-alice' }, 'reserved'],
    [{ name: '../alice' }, 'DNS-1123'],
    [{ class: 'gpu' }, 'Unknown environment class "gpu"'],
    [{ cluster: 'mars' }, 'Unknown cluster "mars"'],
    [
      { class: 'environment-claim', cluster: 'prod-us' },
      'not offered on cluster "prod-us"',
    ],
    [{ ttl: '30d' }, 'longer than the maximum 7d'],
    [{ ttl: '-1h' }, 'ttl: must be a positive duration'],
    [{ ttl: 'tomorrow' }, 'ttl: must be a positive duration'],
    [
      { owner: 'user:mallory' },
      'Owner "user:default/mallory" is not a User or Group in the catalog',
    ],
    [{ parameters: { replicas: 3 } }, 'parameter "replicas" is not declared'],
    [
      { parameters: { installInfra: 'yes' } },
      'parameter "installInfra" must be true or false',
    ],
    [
      { parameters: { debug: ['api\nkubeplatform.io/owner: x'] } },
      'must not contain newlines',
    ],
    [{ size: 'huge' }, 'size "huge" is not offered'],
  ])('refuses %j with a clear error', async (change, message) => {
    await expect(
      provisioner().plan({ ...request, ...change }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(message),
    });
  });
});
