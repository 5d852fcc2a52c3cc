import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { ClustersService, WatchCache } from '@kubeplatform/clusters-node';
import express from 'express';
import { EntityViews } from '../EntityViews';
import { MulticlusterOptions } from '../readMulticlusterOptions';
import { createExecEndpoint } from './execEndpoint';
import { readExecOptions } from './readExecOptions';

/** The pod terminal with the plugin's services, its entity scope and service locator. */
export function terminalRouter(deps: {
  config: RootConfigService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  auditor: AuditorService;
  permissions: PermissionsService;
  catalog: CatalogService;
  cache: Pick<WatchCache, 'list' | 'get'>;
  clusters: Pick<ClustersService, 'getKubeConfig'>;
  options: MulticlusterOptions;
}): express.Router {
  const { entityScope, serviceLocator } = deps.options;
  return createExecEndpoint({
    ...deps,
    entityScope,
    views: new EntityViews({
      catalog: deps.catalog,
      permissions: deps.permissions,
      cache: { list: () => deps.cache.list().map(r => entityScope.scope(r)) },
      locator: serviceLocator,
    }),
    options: readExecOptions(deps.config),
  });
}
