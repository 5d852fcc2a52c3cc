import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { groupsUserInfo } from '@kubeplatform/plugin-devenv-node/testUtils';

/** The user-info service: each user owns itself and the groups `groups` lists for it. */
export function groupsUserInfoFactory(groups: Record<string, string[]>) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => groupsUserInfo(groups),
  });
}
