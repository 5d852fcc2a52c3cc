import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EnvironmentAccessPolicy,
  EnvironmentProvisioner,
  parseDevenvSettings,
} from '@kubeplatform/plugin-devenv-node';
import { offlineClusters } from '@kubeplatform/plugin-devenv-node/testUtils';
import { mockUserContext, outputsOf } from './__testUtils__/initiatorContext';
import { createEnvironmentAction } from './createEnvironmentAction';
import { expectDeclaredAction } from './__testUtils__/expectDeclaredAction';

/** Clusters that cannot be reached: any cluster call in a dry run would fail the test. */
const clusters = offlineClusters(
  ['dev-eu'],
  'a dry run must not ask for cluster credentials',
);

function setup(options: { allow?: boolean; ownership?: string[] } = {}) {
  const provisioner = new EnvironmentProvisioner({
    clusters,
    settings: parseDevenvSettings({
      classes: [
        {
          name: 'namespace',
          type: 'namespace',
          parameters: { installInfra: { type: 'boolean', default: false } },
        },
      ],
      admins: ['group:default/platform'],
    }),
    logger: mockServices.logger.mock(),
    platformUrl: 'http://localhost:7007/api/devenv',
    ownerExists: async ref =>
      ['user:default/mock', 'group:default/team-a'].includes(ref),
  });
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({
        result:
          options.allow === false
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })) as any,
  });
  const action = createEnvironmentAction({
    provisioner,
    auditor: mockServices.auditor.mock(),
    access: EnvironmentAccessPolicy.fromSettings(provisioner.settings, {
      auth: mockServices.auth(),
      permissions,
      userInfo: mockServices.userInfo({
        userEntityRef: 'user:default/mock',
        ownershipEntityRefs: options.ownership ?? [
          'user:default/mock',
          'group:default/team-a',
        ],
      }),
    }),
    appBaseUrl: 'http://localhost:3000',
  });
  return { action, permissions };
}

/** A dry run of a request for `mock-dev`, a `namespace` environment in dev-eu, changed by `input`. */
function context(input: Record<string, unknown>, isDryRun = true) {
  return mockUserContext(
    { name: 'mock-dev', cluster: 'dev-eu', class: 'namespace', ...input },
    isDryRun,
  );
}

describe('kubeplatform:devenv:create', () => {
  it('declares the zod schemas, examples and dry-run support', () => {
    const { action } = setup();
    const input = expectDeclaredAction(action, 'kubeplatform:devenv:create', [
      'name',
      'cluster',
    ]);
    expect(input.properties.name.type).toBe('string');
    expect((action.schema!.output as any).properties.connectCommand.type).toBe(
      'string',
    );
  });

  it('dry-run returns the planned manifests and outputs without touching a cluster', async () => {
    const { action } = setup();
    const ctx = context({ ttl: '2h' });
    await action.handler(ctx);
    const outputs = outputsOf(ctx);
    expect(outputs).toMatchObject({
      environmentRef: 'resource:default/mock-dev.dev-eu',
      cluster: 'dev-eu',
      namespace: 'mock-dev',
      status: 'provisioning',
      created: false,
      connectCommand: expect.stringContaining(
        'http://localhost:7007/api/devenv/environments/dev-eu/mock-dev/kubeconfig',
      ),
    });
    expect(outputs.links[0].url).toBe(
      'http://localhost:3000/catalog/default/resource/mock-dev.dev-eu',
    );
    expect(
      outputs.manifests.map((m: any) => `${m.kind}/${m.metadata.name}`),
    ).toEqual([
      'Namespace/mock-dev',
      'ResourceQuota/devenv-quota',
      'LimitRange/devenv-limits',
      'NetworkPolicy/devenv-isolation',
      'ServiceAccount/devenv-connect',
      'RoleBinding/devenv-owner',
    ]);
    expect(
      outputs.manifests[0].metadata.annotations['kubeplatform.io/owner'],
    ).toBe('user:default/mock');
    expect(ctx.checkpoint).not.toHaveBeenCalled();
  });

  it('lets a user request for one of their groups', async () => {
    const { action } = setup();
    const ctx = context({ name: 'team-dev', owner: 'group:team-a' });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('status', 'provisioning');
  });

  it.each([
    [{ name: 'Bad_Name' }, 'name must be a DNS-1123 label'],
    [{ cluster: 'mars' }, 'Unknown cluster "mars"'],
    [{ class: 'gpu' }, 'Unknown environment class "gpu"'],
    [{ ttl: '-5m' }, 'must be a positive duration'],
    [{ owner: 'user:default/ghost' }, 'not a User or Group in the catalog'],
    [{ parameters: { nope: true } }, 'parameter "nope" is not declared'],
    [{ size: 'xxl' }, 'size "xxl" is not offered'],
  ])('refuses %j in a dry run with a clear error', async (change, message) => {
    const { action } = setup();
    await expect(action.handler(context(change))).rejects.toThrow(message);
  });

  it('refuses to create for a group the user is not in', async () => {
    const { action } = setup({ ownership: ['user:default/mock'] });
    await expect(
      action.handler(context({ name: 'team-dev', owner: 'group:team-a' })),
    ).rejects.toThrow(
      'You may only request environments for yourself or your groups, not for group:default/team-a',
    );
  });

  it('refuses when the permission policy denies devenv.create', async () => {
    const { action, permissions } = setup({ allow: false });
    await expect(action.handler(context({}))).rejects.toThrow(
      'You may not create development environments',
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: expect.objectContaining({ name: 'devenv.create' }) }],
      expect.anything(),
    );
  });

  it('never takes cluster credentials from inputs', () => {
    const { action } = setup();
    const input = action.schema!.input as any;
    expect(input.additionalProperties).toBe(false);
    expect(Object.keys(input.properties).sort()).toEqual([
      'class',
      'cluster',
      'name',
      'owner',
      'parameters',
      'size',
      'sleepSchedule',
      'ttl',
    ]);
  });
});
