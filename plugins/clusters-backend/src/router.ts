import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { ClustersConfigReport } from '@kubeplatform/clusters-node';
import express from 'express';
import Router from 'express-promise-router';
import { clustersConfigReportReadPermission } from './permissions';

export interface ClustersRouterOptions {
  report: ClustersConfigReport;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** `GET /config-report`: for service principals and users granted the report permission. */
export function createClustersRouter(
  options: ClustersRouterOptions,
): express.Router {
  const { report, httpAuth, permissions } = options;
  const router = Router();
  router.get('/config-report', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (credentials.principal.type === 'user') {
      const [decision] = await permissions.authorize(
        [{ permission: clustersConfigReportReadPermission }],
        { credentials },
      );
      if (decision.result !== 'ALLOW') {
        throw new NotAllowedError(
          `reading the clusters config report needs the permission ${clustersConfigReportReadPermission.name}`,
        );
      }
    }
    res.json(report);
  });
  return router;
}
