import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  EnvironmentClusters,
  EnvironmentProvisioner,
} from '@kubeplatform/plugin-devenv-node';
import { testAccessPolicy } from '@kubeplatform/plugin-devenv-node/testUtils';
import { DevenvEntityProvider } from '../DevenvEntityProvider';

/** The provider over `provisioner`, connected to nothing yet, and a connection that records. */
export function testEntityProvider(
  provisioner: EnvironmentProvisioner,
  clusters: EnvironmentClusters,
  logger: LoggerService,
) {
  const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
  const provider = new DevenvEntityProvider({
    provisioner,
    access: testAccessPolicy(provisioner.settings),
    listClusters: () => clusters.listClusters(),
    clusterOwner: 'group:default/platform-team',
    logger,
  });
  return { connection, provider };
}
