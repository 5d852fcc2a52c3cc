import request from 'supertest';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { routerApp } from '../__testUtils__/routerApp';

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

const app = (serviceLocatorType: string) =>
  routerApp({
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
    clusters,
    config: {
      kubernetes: { serviceLocatorMethod: { type: serviceLocatorType } },
    },
  });

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
