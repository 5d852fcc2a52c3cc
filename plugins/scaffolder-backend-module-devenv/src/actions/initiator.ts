import type {
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { Environment } from '@kubeplatform/clusters-common';
import { mayManageEnvironment } from '@kubeplatform/plugin-devenv-node';

type InitiatorContext = Pick<
  ActionContext<any, any>,
  'getInitiatorCredentials' | 'user'
>;

/** The refs the task's initiator owns through: their user ref and their groups. */
export async function initiatorOwnershipRefs(
  ctx: InitiatorContext,
  userInfo: UserInfoService,
): Promise<string[]> {
  const credentials = await ctx.getInitiatorCredentials();
  if (credentials.principal && 'type' in (credentials.principal as object)) {
    const principal = credentials.principal as { type: string };
    if (principal.type !== 'user') {
      return [];
    }
  }
  const info = await userInfo.getUserInfo(credentials);
  return info.ownershipEntityRefs;
}

/**
 * Throws NotAllowedError unless the permission policy allows `permission` on the environment
 * for the task's initiator AND the initiator owns it (directly, through a group, or as admin).
 */
export async function assertInitiatorMayManage(
  ctx: InitiatorContext,
  options: {
    environment: Environment;
    permission: ResourcePermission<'kubeplatform-environment'>;
    permissions: PermissionsService;
    userInfo: UserInfoService;
    admins: string[];
    /** What the initiator tried, for the error: "delete environment", … */
    attempt: string;
  },
): Promise<void> {
  const { environment, permission, permissions, userInfo, admins, attempt } =
    options;
  const credentials = await ctx.getInitiatorCredentials();
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef: environment.ref }],
    { credentials },
  );
  const refs = await initiatorOwnershipRefs(ctx, userInfo);
  if (
    decision.result !== AuthorizeResult.ALLOW ||
    !mayManageEnvironment(environment, refs, admins)
  ) {
    throw new NotAllowedError(
      `You may not ${attempt} ${environment.ref}: it is owned by ${environment.owner}`,
    );
  }
}
