import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { readMulticlusterOptions } from '../readMulticlusterOptions';
import { createRouter } from '../router';

/** kubernetes.serviceLocatorMethod decides the clusters of the view, the detail and the timeline. */

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'checkout',
    namespace: 'shop',
    uid: 'd1',
    labels: { 'backstage.io/kubernetes-id': 'checkout' },
  },
  spec: { replicas: 1, selector: { matchLabels: { app: 'checkout' } } },
  status: {},
};

const clusters = ['dev-eu', 'prod-us'].map(name =>
  inMemoryCacheReader({ name }, { deployments: [deployment] }),
);

async function app(serviceLocatorType: string) {
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    httpAuth: mockServices.httpAuth(),
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'checkout',
            namespace: 'default',
            annotations: {
              'backstage.io/kubernetes-id': 'checkout',
              'backstage.io/kubernetes-cluster': 'prod-us',
            },
          },
          spec: {},
          relations: [
            { type: 'dependsOn', targetRef: 'resource:default/dev-eu' },
          ],
        },
      ],
    }),
    permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
    cache: {
      list: () => clusters as any,
      get: (name: string) =>
        clusters.find(c => c.identity.name === name) as any,
      subscribe: () => () => {},
    },
    options: readMulticlusterOptions(
      new ConfigReader({
        kubernetes: { serviceLocatorMethod: { type: serviceLocatorType } },
      }),
    ),
  });
  const middleware = MiddlewareFactory.create({
    config: new ConfigReader({}),
    logger: mockServices.logger.mock(),
  });
  return express().use(router).use(middleware.error());
}

const entityPath = '/entities/component/default/checkout';
const detailPath = (cluster: string) =>
  `${entityPath}/clusters/${cluster}/workloads/Deployment/shop/checkout`;

describe('kubernetes.serviceLocatorMethod', () => {
  it.each([
    ['multiTenant', ['dev-eu', 'prod-us']],
    ['singleTenant', ['prod-us']],
    ['catalogRelation', ['dev-eu']],
  ])(
    '%s: the view, the timeline and the workload detail use the clusters %j',
    async (type, located) => {
      const server = await app(type);
      const view = await request(server).get(entityPath);
      expect(view.status).toBe(200);
      expect(view.body.clusters.map((c: any) => c.cluster.name)).toEqual(
        located,
      );
      const timeline = await request(server).get(`${entityPath}/timeline`);
      expect(timeline.status).toBe(200);
      expect(timeline.body.clusters.map((c: any) => c.name)).toEqual(located);
      for (const cluster of ['dev-eu', 'prod-us']) {
        const detail = await request(server).get(detailPath(cluster));
        expect(detail.status).toBe(located.includes(cluster) ? 200 : 404);
      }
    },
  );
});
