import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { readMulticlusterOptions } from '../readMulticlusterOptions';
import { createRouter, RouterOptions } from '../router';

/** A catalog Component with these annotations, as the route tests' in-memory catalog holds it. */
export const componentEntity = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
});

/**
 * The multicluster router over an in-memory catalog (`entities`) and fixed cluster readers
 * (`clusters`, found by their identity's name), behind Backstage's error middleware, as
 * `express` serves it. Permissions answer ALLOW unless `permission` or `permissions` say;
 * `config` is the root config its options are read from.
 */
export async function routerApp(
  options: {
    entities: Entity[];
    clusters?: Array<{ identity: { name: string } }>;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    permissions?: RouterOptions['permissions'];
    config?: object;
  } & Pick<RouterOptions, 'auditor' | 'writer'>,
): Promise<express.Express> {
  const clusters = options.clusters ?? [];
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    httpAuth: mockServices.httpAuth(),
    catalog: catalogServiceMock({ entities: options.entities }),
    permissions:
      options.permissions ??
      mockServices.permissions({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
    cache: {
      list: () => clusters as any,
      get: (name: string) =>
        clusters.find(c => c.identity.name === name) as any,
      subscribe: () => () => {},
    },
    options: readMulticlusterOptions(new ConfigReader(options.config ?? {})),
    auditor: options.auditor,
    writer: options.writer,
  });
  const middleware = MiddlewareFactory.create({
    config: new ConfigReader({}),
    logger: mockServices.logger.mock(),
  });
  return express().use(router).use(middleware.error());
}
