import { PermissionsService } from '@backstage/backend-plugin-api';

type BasicPermission = Extract<
  Parameters<PermissionsService['authorize']>[0][number]['permission'],
  { type: 'basic' }
>;

/**
 * Reading the clusters config report (`GET /api/clusters/config-report`): which `kubernetes:`
 * keys Kubeplatform does not honour and each cluster's auth mode. For admins: grant it in the
 * permission policy. Service principals may always read it.
 *
 * @public
 */
export const clustersConfigReportReadPermission = {
  type: 'basic',
  name: 'clusters.config-report.read',
  attributes: { action: 'read' },
} satisfies BasicPermission;
