import type {
  BackstageCredentials,
  BackstageUserInfo,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { EnvironmentAccessPolicy } from '../access/EnvironmentAccessPolicy';
import type { DevenvSettings } from '../config/settingsSchema';

/**
 * A user-info service in which each user owns itself and the groups `groups` lists for it.
 *
 * @public
 */
export function groupsUserInfo(
  groups: Record<string, string[]> = {},
): UserInfoService {
  return {
    getUserInfo: async (
      credentials: BackstageCredentials,
    ): Promise<BackstageUserInfo> => {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
      };
    },
  };
}

/**
 * The environment access policy of `settings`, with every permission allowed unless
 * `permissions` says otherwise, and group membership from `groups`.
 *
 * @public
 */
export function testAccessPolicy(
  settings: DevenvSettings,
  options: {
    groups?: Record<string, string[]>;
    permissions?: PermissionsService;
  } = {},
): EnvironmentAccessPolicy {
  return EnvironmentAccessPolicy.fromSettings(settings, {
    auth: mockServices.auth(),
    permissions: options.permissions ?? mockServices.permissions(),
    userInfo: groupsUserInfo(options.groups),
  });
}
