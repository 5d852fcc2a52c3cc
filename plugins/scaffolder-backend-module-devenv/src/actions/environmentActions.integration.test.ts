import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { CoreV1Api } from '@kubernetes/client-node';
import { loadLocalFleet, LocalFleet } from '@kubeplatform/local-clusters';
import {
  EnvironmentAccessPolicy,
  EnvironmentProvisioner,
  parseDevenvSettings,
} from '@kubeplatform/plugin-devenv-node';
import { createEnvironmentAction } from './createEnvironmentAction';
import { deleteEnvironmentAction } from './deleteEnvironmentAction';

jest.setTimeout(60_000);
const CLUSTER = 'dev-eu';
let fleet: LocalFleet;

beforeAll(async () => {
  fleet = await loadLocalFleet();
});

function actions(ownership: Record<string, string[]>) {
  const details = fleet.clusters.map(c => ({
    name: c.name,
    url: c.server,
    source: 'kubeconfig' as const,
  }));
  const provisioner = new EnvironmentProvisioner({
    clusters: {
      listClusters: async () => details,
      getCluster: async n => details.find(d => d.name === n),
      getKubeConfig: async n => fleet.cluster(n).kubeConfig(),
    },
    settings: parseDevenvSettings({
      classes: [{ name: 'namespace', type: 'namespace' }],
    }),
    logger: mockServices.logger.mock(),
    platformUrl: 'http://localhost:7007/api/devenv',
    ownerExists: async () => true,
  });
  const userInfo = {
    getUserInfo: async (credentials: any) => {
      const ref = credentials.principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: ownership[ref] ?? [ref],
      };
    },
  };
  const permissions = mockServices.permissions({
    result: AuthorizeResult.ALLOW,
  });
  const access = EnvironmentAccessPolicy.fromSettings(provisioner.settings, {
    auth: mockServices.auth(),
    permissions,
    userInfo,
  });
  return {
    create: createEnvironmentAction({
      provisioner,
      auditor: mockServices.auditor.mock(),
      access,
      appBaseUrl: 'http://localhost:3000',
    }),
    remove: deleteEnvironmentAction({
      provisioner,
      access,
      auditor: mockServices.auditor.mock(),
    }),
  };
}

function context(user: string, input: Record<string, unknown>) {
  const logs: string[] = [];
  const logger = mockServices.logger.mock({
    info: (m: string) => void logs.push(m),
  } as any);
  const ctx = createMockActionContext({
    input: input as any,
    user: { ref: user },
  });
  const checkpoints: string[] = [];
  return {
    logs,
    checkpoints,
    ctx: {
      ...ctx,
      logger,
      getInitiatorCredentials: async () => ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'user', userEntityRef: user },
      }),
      checkpoint: async (opts: any) => {
        checkpoints.push(opts.key);
        return opts.fn();
      },
    } as any,
  };
}

it('creates with progress lines and outputs, is a no-op on retry, and only the owner deletes', async () => {
  const name = `it-act-${Date.now().toString(36)}`;
  const { create, remove } = actions({
    'user:default/alice': ['user:default/alice', 'group:default/team-a'],
  });
  const first = context('user:default/alice', {
    name,
    cluster: CLUSTER,
    class: 'namespace',
    owner: 'group:default/team-a',
    ttl: '1h',
  });
  await create.handler(first.ctx);
  expect(first.checkpoints).toEqual([
    `kubeplatform.devenv.create.${CLUSTER}.${name}`,
  ]);
  expect(first.logs).toEqual(
    expect.arrayContaining([
      `Creating Namespace ${name}`,
      `Applying RoleBinding ${name}/devenv-owner`,
      `Environment ${CLUSTER}/${name} is ready`,
    ]),
  );
  const outputs = Object.fromEntries(first.ctx.output.mock.calls);
  expect(outputs).toMatchObject({
    environmentRef: `resource:default/${name}.${CLUSTER}`,
    cluster: CLUSTER,
    namespace: name,
    status: 'ready',
    created: true,
    connectCommand: expect.stringContaining(`${name}.kubeconfig`),
  });

  const retry = context('user:default/alice', {
    name,
    cluster: CLUSTER,
    class: 'namespace',
    owner: 'group:default/team-a',
    ttl: '1h',
  });
  await create.handler(retry.ctx);
  const retried = Object.fromEntries(retry.ctx.output.mock.calls);
  expect(retried.created).toBe(false);
  expect(retried.expiresAt).toBe(outputs.expiresAt);

  const bob = context('user:default/bob', { cluster: CLUSTER, name });
  await expect(remove.handler(bob.ctx)).rejects.toThrow(
    `You may not delete environment ${CLUSTER}/${name}: it is owned by group:default/team-a`,
  );

  const dry = context('user:default/alice', { cluster: CLUSTER, name });
  await remove.handler({ ...dry.ctx, isDryRun: true });
  expect(dry.ctx.output).toHaveBeenCalledWith('deleted', false);

  const alice = context('user:default/alice', { cluster: CLUSTER, name });
  await remove.handler(alice.ctx);
  expect(alice.ctx.output).toHaveBeenCalledWith('deleted', true);
  expect(alice.logs).toContain(`Deleting Namespace ${name}`);

  const core = fleet.cluster(CLUSTER).kubeConfig().makeApiClient(CoreV1Api);
  const ns = await core.readNamespace({ name }).catch(() => undefined);
  expect(ns === undefined || ns.status?.phase === 'Terminating').toBe(true);
});
