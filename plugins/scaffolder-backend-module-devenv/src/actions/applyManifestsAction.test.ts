import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EnvironmentAccessPolicy,
  EnvironmentProvisioner,
  parseDevenvSettings,
} from '@kubeplatform/plugin-devenv-node';
import { offlineClusters } from '@kubeplatform/plugin-devenv-node/testUtils';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BASKET_HPA } from './__fixtures__/basketManifests';
import { mockUserContext, outputsOf } from './__testUtils__/initiatorContext';
import { applyManifestsAction } from './applyManifestsAction';
import { expectDeclaredAction } from './__testUtils__/expectDeclaredAction';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: basket
spec:
  replicas: 1
  selector:
    matchLabels: { app: basket }
  template:
    metadata:
      labels: { app: basket }
    spec:
      containers:
        - name: basket
          image: nginx:1.27
`;
const SERVICE_AND_HPA = `apiVersion: v1
kind: Service
metadata:
  name: basket
spec:
  selector: { app: basket }
  ports: [{ port: 80 }]
---
${BASKET_HPA}`;

/** Clusters that cannot be reached: any cluster call in a dry run would fail the test. */
const clusters = offlineClusters(
  [],
  'a dry run must not ask for cluster credentials',
);

function setup(
  ownership = ['user:default/mock', 'group:default/team-a'],
  enforceOwnership = true,
) {
  const provisioner = new EnvironmentProvisioner({
    clusters,
    settings: parseDevenvSettings({
      classes: [{ name: 'namespace', type: 'namespace' }],
      admins: ['group:default/platform'],
      enforceOwnership,
    }),
    logger: mockServices.logger.mock(),
    platformUrl: 'http://localhost:7007/api/devenv',
  });
  const apply = jest.spyOn(provisioner, 'applyManifests');
  // The real path reads the environment from its cluster; these unit tests stop before any write.
  const get = jest.spyOn(provisioner, 'identify').mockResolvedValue({
    environment: {
      ref: 'dev-eu/mock-dev',
      owner: 'group:default/team-a',
      namespace: 'mock-dev',
    } as any,
    uid: 'mock-uid',
  });
  const action = applyManifestsAction({
    provisioner,
    auditor: mockServices.auditor.mock(),
    access: EnvironmentAccessPolicy.fromSettings(provisioner.settings, {
      auth: mockServices.auth(),
      permissions: mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })) as any,
      }),
      userInfo: mockServices.userInfo({
        userEntityRef: 'user:default/mock',
        ownershipEntityRefs: ownership,
      }),
    }),
  });
  return { action, apply, get };
}

const workspaces: string[] = [];
afterAll(async () => {
  await Promise.all(
    workspaces.map(dir => fs.rm(dir, { recursive: true, force: true })),
  );
});

async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'devenv-apply-'));
  workspaces.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await fs.mkdir(join(dir, path, '..'), { recursive: true });
    await fs.writeFile(join(dir, path), text);
  }
  return dir;
}

async function context(
  files: Record<string, string>,
  input: Record<string, unknown>,
  isDryRun: boolean,
) {
  return mockUserContext(
    { cluster: 'dev-eu', name: 'mock-dev', ...input },
    isDryRun,
    await workspace(files),
  );
}

describe('kubeplatform:devenv:apply', () => {
  it('declares the zod schemas, examples and dry-run support', () => {
    const { action } = setup();
    expectDeclaredAction(action, 'kubeplatform:devenv:apply', [
      'cluster',
      'name',
      'manifests',
    ]);
  });

  it('dry-run returns every document of the folder, placed in the namespace, without touching a cluster', async () => {
    const { action, apply } = setup();
    const ctx = await context(
      {
        'k8s/deployment.yaml': DEPLOYMENT,
        'k8s/service.yaml': SERVICE_AND_HPA,
        'k8s/README.md': 'not a manifest',
      },
      { manifests: './k8s' },
      true,
    );
    await action.handler(ctx);
    const outputs = outputsOf(ctx);
    expect(outputs.namespace).toBe('mock-dev');
    expect(outputs.applied).toEqual([
      { kind: 'Deployment', name: 'basket' },
      { kind: 'Service', name: 'basket' },
      { kind: 'HorizontalPodAutoscaler', name: 'basket' },
    ]);
    expect(outputs.manifests.map((m: any) => m.metadata.namespace)).toEqual([
      'mock-dev',
      'mock-dev',
      'mock-dev',
    ]);
    expect(ctx.checkpoint).not.toHaveBeenCalled();
    expect(apply).not.toHaveBeenCalled();
  });

  it.each([
    [
      {
        'k8s/ns.yaml':
          'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n',
      },
      'k8s/ns.yaml: Namespace x is cluster-scoped',
    ],
    [
      {
        'k8s/role.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: admin-ish\n',
      },
      'ClusterRole admin-ish is cluster-scoped',
    ],
    [
      {
        'k8s/svc.yaml':
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: kube-system\n',
      },
      'names namespace "kube-system", not the environment\'s namespace "mock-dev"',
    ],
    [{ 'k8s/bad.yaml': 'kind: Service\n' }, 'not a Kubernetes object'],
    [{ 'k8s/broken.yaml': 'a: [1, 2\n' }, 'k8s/broken.yaml is not valid YAML'],
  ])('refuses bad manifests %#: %s before anything', async (files, message) => {
    const { action, apply } = setup();
    for (const isDryRun of [true, false]) {
      const ctx = await context(
        { 'k8s/deployment.yaml': DEPLOYMENT, ...files } as Record<
          string,
          string
        >,
        { manifests: './k8s' },
        isDryRun,
      );
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(ctx.checkpoint).not.toHaveBeenCalled();
    }
    expect(apply).not.toHaveBeenCalled();
  });

  it.each([
    ['./missing', 'manifests path "./missing" does not exist'],
    ['../../etc', 'outside'],
  ])('refuses the manifests path %s', async (manifests, message) => {
    const { action } = setup();
    const ctx = await context({}, { manifests }, true);
    await expect(action.handler(ctx)).rejects.toThrow(message);
  });

  it('refuses an environment the user and their groups do not own, before applying', async () => {
    const { action, apply } = setup([
      'user:default/mock',
      'group:default/team-b',
    ]);
    const ctx = await context(
      { 'k8s/deployment.yaml': DEPLOYMENT },
      { manifests: './k8s' },
      false,
    );
    await expect(action.handler(ctx)).rejects.toThrow(
      'You may not apply manifests to environment dev-eu/mock-dev: it is owned by group:default/team-a',
    );
    expect(ctx.checkpoint).not.toHaveBeenCalled();
    expect(apply).not.toHaveBeenCalled();
  });

  it('leaves ownership to the permission policy when enforceOwnership is off', async () => {
    const { action, apply } = setup(
      ['user:default/mock', 'group:default/team-b'],
      false,
    );
    apply.mockResolvedValue({
      environment: { namespace: 'mock-dev' } as any,
      applied: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'basket' }],
    });
    const ctx = await context(
      { 'k8s/deployment.yaml': DEPLOYMENT },
      { manifests: './k8s' },
      false,
    );
    await action.handler(ctx);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('refuses a folder without any document', async () => {
    const { action } = setup();
    const ctx = await context(
      { 'k8s/empty.yaml': '---\n' },
      { manifests: './k8s' },
      true,
    );
    await expect(action.handler(ctx)).rejects.toThrow(
      'no manifests were given',
    );
  });

  it('refuses an unknown cluster in a real run', async () => {
    const { action, apply, get } = setup();
    get.mockRestore();
    const ctx = await context(
      { 'k8s/deployment.yaml': DEPLOYMENT },
      { manifests: './k8s', cluster: 'mars' },
      false,
    );
    await expect(action.handler(ctx)).rejects.toThrow('Unknown cluster "mars"');
    expect(apply).not.toHaveBeenCalled();
  });
});
