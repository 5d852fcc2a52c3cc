import type { AuditorService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  type DevenvFleet,
  fleetProvisioner,
  testAccessPolicy,
} from '@kubeplatform/plugin-devenv-node/testUtils';
import { applyManifestsAction } from '../applyManifestsAction';
import { createEnvironmentAction } from '../createEnvironmentAction';
import { deleteEnvironmentAction } from '../deleteEnvironmentAction';

/**
 * The three actions over one provisioner on the real local fleet (namespace class), with every
 * permission allowed and group membership from `groups`.
 */
export function fleetActions(
  fleet: DevenvFleet,
  options: { groups?: Record<string, string[]>; auditor?: AuditorService } = {},
) {
  const provisioner = fleetProvisioner(fleet);
  const access = testAccessPolicy(provisioner.settings, {
    groups: options.groups,
  });
  const auditor = options.auditor ?? mockServices.auditor.mock();
  return {
    provisioner,
    create: createEnvironmentAction({
      provisioner,
      access,
      auditor,
      appBaseUrl: 'http://localhost:3000',
    }),
    remove: deleteEnvironmentAction({ provisioner, access, auditor }),
    apply: applyManifestsAction({ provisioner, access, auditor }),
  };
}
