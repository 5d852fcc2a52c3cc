import type { UserInfoService } from '@backstage/backend-plugin-api';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';

/** The refs the task's initiator owns through: their user ref and their groups. */
export async function initiatorOwnershipRefs(
  ctx: Pick<ActionContext<any, any>, 'getInitiatorCredentials' | 'user'>,
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
