import { stringify } from 'yaml';
import { ClusterState } from './fleetState';

/**
 * The Backstage config that points the backend at the local fleet, read by
 * @backstage/plugin-kubernetes-backend (kubernetes.*) and by Kubeplatform (kubeplatform.*).
 */
export function renderAppConfig(clusters: ClusterState[]): string {
  const header =
    '# Written by `yarn clusters up` (packages/local-clusters). Holds service-account tokens of\n' +
    '# throwaway local clusters; git-ignored. Pass it to the backend with --config.\n';
  return (
    header +
    stringify({
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: clusters.map(c => ({
              name: c.name,
              url: c.server,
              authProvider: 'serviceAccount',
              serviceAccountToken: c.tokens.backend,
              caData: c.caData,
            })),
          },
        ],
      },
      kubeplatform: {
        clusters: clusters.map(c => ({
          name: c.name,
          title: c.title,
          region: c.region,
          environment: c.environment,
        })),
      },
    })
  );
}
