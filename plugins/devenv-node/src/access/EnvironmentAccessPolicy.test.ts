import type { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { EnvironmentAccessPolicy } from './EnvironmentAccessPolicy';

const environment = {
  ref: 'dev-eu/team-dev',
  cluster: 'dev-eu',
  name: 'team-dev',
  owner: 'group:default/team-a',
};

const ownership: Record<string, string[]> = {
  'user:default/alice': ['user:default/alice', 'group:default/team-a'],
  'user:default/bob': ['user:default/bob', 'group:default/team-b'],
  'user:default/root': ['user:default/root', 'group:default/platform-team'],
};

/** A permission policy that denies the named permissions and allows the rest. */
function permissionsDenying(...denied: string[]): PermissionsService {
  const authorize = jest.fn(
    async (requests: Array<{ permission: { name: string } }>) =>
      requests.map(r => ({
        result: denied.includes(r.permission.name) ? 'DENY' : 'ALLOW',
      })),
  );
  return {
    authorize,
    authorizeConditional: jest.fn(),
  } as unknown as PermissionsService;
}

function policy(
  options: {
    enforceOwnership?: boolean;
    permissions?: PermissionsService;
  } = {},
) {
  return new EnvironmentAccessPolicy({
    auth: mockServices.auth(),
    permissions: options.permissions ?? permissionsDenying(),
    userInfo: mockServices.userInfo.mock({
      getUserInfo: async credentials => {
        const ref = (credentials.principal as { userEntityRef: string })
          .userEntityRef;
        return { userEntityRef: ref, ownershipEntityRefs: ownership[ref] };
      },
    }),
    admins: ['group:default/platform-team'],
    enforceOwnership: options.enforceOwnership ?? true,
  });
}

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');
const root = mockCredentials.user('user:default/root');

describe('EnvironmentAccessPolicy.authorize', () => {
  it('lets a member of the owning group change the environment', async () => {
    await expect(
      policy().authorize(alice, 'extend', environment),
    ).resolves.toBeUndefined();
    await expect(
      policy().authorize(alice, 'delete', environment),
    ).resolves.toBeUndefined();
  });

  it('refuses a non-owner, naming the owner', async () => {
    const error = await policy()
      .authorize(bob, 'delete', environment)
      .catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe(
      'You may not delete environment dev-eu/team-dev: it is owned by group:default/team-a',
    );
    await expect(policy().authorize(bob, 'apply', environment)).rejects.toThrow(
      'You may not apply manifests to environment dev-eu/team-dev: it is owned by group:default/team-a',
    );
  });

  it('lets an admin change anyone’s environment', async () => {
    await expect(
      policy().authorize(root, 'sleep', environment),
    ).resolves.toBeUndefined();
  });

  it('leaves ownership to the permission policy when enforceOwnership is off', async () => {
    await expect(
      policy({ enforceOwnership: false }).authorize(bob, 'wake', environment),
    ).resolves.toBeUndefined();
    await expect(
      policy({ enforceOwnership: false }).authorize(
        mockCredentials.service('plugin:catalog'),
        'delete',
        environment,
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses a service under enforceOwnership: it owns nothing', async () => {
    await expect(
      policy().authorize(
        mockCredentials.service('plugin:catalog'),
        'delete',
        environment,
      ),
    ).rejects.toThrow(NotAllowedError);
  });

  it('refuses when the permission policy denies, even the owner and an admin', async () => {
    const denied = permissionsDenying('devenv.delete');
    for (const who of [alice, root]) {
      const error = await policy({ permissions: denied })
        .authorize(who, 'delete', environment)
        .catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toBe(
        'You may not delete environment dev-eu/team-dev',
      );
    }
    // Update actions are decided by devenv.update, which this policy allows.
    await expect(
      policy({ permissions: denied }).authorize(alice, 'connect', environment),
    ).resolves.toBeUndefined();
  });

  it('asks the permission policy about the environment itself', async () => {
    const permissions = permissionsDenying();
    await policy({ permissions }).authorize(alice, 'extend', environment);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'devenv.update' }),
          resourceRef: 'dev-eu/team-dev',
        },
      ],
      { credentials: alice },
    );
  });
});

describe('EnvironmentAccessPolicy requests', () => {
  it('needs devenv.create to request anything', async () => {
    await expect(policy().authorizeCreate(bob)).resolves.toBeUndefined();
    await expect(
      policy({
        permissions: permissionsDenying('devenv.create'),
      }).authorizeCreate(bob),
    ).rejects.toThrow('You may not create development environments');
  });

  it('lets a caller request only for themselves or their groups, even without enforceOwnership', async () => {
    for (const enforceOwnership of [true, false]) {
      const p = policy({ enforceOwnership });
      await expect(
        p.authorizeOwner(alice, 'group:default/team-a'),
      ).resolves.toBeUndefined();
      await expect(
        p.authorizeOwner(bob, 'group:default/team-a'),
      ).rejects.toThrow(
        'You may only request environments for yourself or your groups, not for group:default/team-a',
      );
      await expect(
        p.authorizeOwner(root, 'group:default/team-a'),
      ).resolves.toBeUndefined();
    }
  });

  it('knows admins', async () => {
    await expect(policy().isAdmin(root)).resolves.toBe(true);
    await expect(policy().isAdmin(alice)).resolves.toBe(false);
  });
});

describe('EnvironmentAccessPolicy visibility', () => {
  it('shows an environment through its catalog Resource', () => {
    expect(policy().catalogEntityRef(environment)).toEqual({
      kind: 'resource',
      namespace: 'default',
      name: 'team-dev.dev-eu',
    });
  });
});
