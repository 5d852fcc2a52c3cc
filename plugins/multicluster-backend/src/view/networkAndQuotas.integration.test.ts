import type { EntityView, WorkloadDetail } from '@kubeplatform/clusters-common';
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  NetworkingV1Api,
} from '@kubernetes/client-node';
import { serviceEntity } from '@kubeplatform/plugin-clusters-backend/testUtils';
import { multiclusterOnFleetForAll } from '../__testUtils__/startMulticlusterOnFleet';
import { eventually } from '../__testUtils__/eventually';
import { scratchProbe } from '../__testUtils__/scratchProbe';

/**
 * Services, Ingresses and ResourceQuotas in the view, against the real local fleet: checkout's
 * crash-looping pods in prod-us leave its Service without ready endpoints; a scratch namespace in
 * dev-eu holds a healthy Service, a TLS Ingress and a quota used up by the workload's own pods,
 * and a second, out-of-scope namespace holds a broken Service the view must not show.
 */
jest.setTimeout(90_000);

const probe = scratchProbe('net');
const { id, labels } = probe;
const inScope = probe.namespace();
const outOfScope = probe.namespace('out');
const host = `${id}.example.test`;

let admin: KubeConfig;

async function createScratchObjects() {
  const core = admin.makeApiClient(CoreV1Api);
  for (const name of [inScope, outOfScope]) {
    await core.createNamespace({ body: { metadata: { name } } });
  }
  await core.createNamespacedResourceQuota({
    namespace: inScope,
    body: {
      metadata: { name: `${id}-quota` },
      spec: { hard: { pods: '2', services: '10' } },
    },
  });
  await admin.makeApiClient(AppsV1Api).createNamespacedDeployment({
    namespace: inScope,
    body: probe.deployment(`registry.local/${id}:1.0.0`, 2),
  });
  const service = (namespace: string, selector: Record<string, string>) =>
    core.createNamespacedService({
      namespace,
      body: {
        metadata: { name: id, labels },
        spec: {
          selector,
          ports: [{ name: 'http', port: 80, targetPort: 8080 }],
        },
      },
    });
  await service(inScope, { app: id });
  await service(outOfScope, { app: `${id}-nothing` });
  await admin.makeApiClient(NetworkingV1Api).createNamespacedIngress({
    namespace: inScope,
    body: {
      metadata: { name: id, labels },
      spec: {
        tls: [{ hosts: [host], secretName: `${id}-tls` }],
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: '/api',
                  pathType: 'Prefix',
                  backend: { service: { name: id, port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    },
  });
}

const onFleet = multiclusterOnFleetForAll({
  config: {
    multicluster: {
      stream: { debounceMs: 100, maxWaitMs: 500 },
      entityScope: { namespaces: ['shop', 'discovery', inScope] },
    },
  },
  entities: [serviceEntity('checkout'), serviceEntity(id)],
  beforeStart: async fleet => {
    admin = fleet.cluster('dev-eu').kubeConfig();
    await createScratchObjects();
  },
  afterStop: async () => {
    const core = admin?.makeApiClient(CoreV1Api);
    for (const name of [inScope, outOfScope]) {
      await core?.deleteNamespace({ name }).catch(() => undefined);
    }
  },
});

const entityUrl = (name: string) =>
  `${onFleet.backend.apiUrl(
    'multicluster',
  )}/entities/component/default/${name}`;

async function detail(
  entity: string,
  cluster: string,
  namespace: string,
  name: string,
): Promise<WorkloadDetail> {
  const res = await fetch(
    `${entityUrl(
      entity,
    )}/clusters/${cluster}/workloads/Deployment/${namespace}/${name}`,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as WorkloadDetail;
}

describe('network and quotas on the local fleet', () => {
  it("shows checkout's Service in prod-us without ready endpoints, and its Ingress", async () => {
    const d = await detail('checkout', 'prod-us', 'shop', 'checkout');
    const service = d.network!.services.find(s => s.name === 'checkout')!;
    expect(service).toMatchObject({
      namespace: 'shop',
      type: 'ClusterIP',
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: '8080' }],
      selector: { 'app.kubernetes.io/name': 'checkout' },
      health: 'error',
    });
    expect(service.endpoints!.ready).toBe(0);
    expect(service.endpoints!.total).toBeGreaterThan(0);
    expect(service.problems.map(p => p.code)).toEqual([
      'ServiceNoReadyEndpoints',
    ]);
    expect(d.network!.ingresses).toEqual([
      expect.objectContaining({
        name: 'checkout',
        rules: [
          {
            host: 'checkout.prod-us.kubeplatform.local',
            path: '/',
            url: 'http://checkout.prod-us.kubeplatform.local/',
            tls: false,
            backend: { service: 'checkout', port: '80' },
          },
        ],
        tls: [],
      }),
    ]);

    const view = (await (
      await fetch(entityUrl('checkout'))
    ).json()) as EntityView;
    const prodUs = view.clusters.find(c => c.cluster.name === 'prod-us')!;
    expect(prodUs.problems).toContainEqual(
      expect.objectContaining({
        code: 'ServiceNoReadyEndpoints',
        cluster: 'prod-us',
        object: { kind: 'Service', namespace: 'shop', name: 'checkout' },
      }),
    );
  });

  it('shows a healthy Service with its ready endpoints, a TLS Ingress and a quota at its limit', async () => {
    const d = await eventually(
      () => detail(id, 'dev-eu', inScope, id),
      x =>
        x.network?.services[0]?.endpoints?.ready === 2 &&
        !!x.quotas?.[0]?.resources.find(r => r.resource === 'pods')?.atLimit,
      30_000,
    );
    expect(d.network!.services).toEqual([
      expect.objectContaining({
        name: id,
        namespace: inScope,
        endpoints: { ready: 2, total: 2 },
        health: 'healthy',
        problems: [],
      }),
    ]);
    expect(d.network!.ingresses).toEqual([
      {
        namespace: inScope,
        name: id,
        rules: [
          {
            host,
            path: '/api',
            url: `https://${host}/api`,
            tls: true,
            backend: { service: id, port: '80' },
          },
        ],
        tls: [{ hosts: [host], secretName: `${id}-tls` }],
        addresses: [],
      },
    ]);
    expect(d.quotas).toHaveLength(1);
    const quota = d.quotas![0];
    expect(quota).toMatchObject({
      namespace: inScope,
      name: `${id}-quota`,
      health: 'warning',
    });
    expect(quota.resources).toContainEqual({
      resource: 'pods',
      used: '2',
      hard: '2',
      fraction: 1,
      atLimit: true,
    });
    expect(quota.resources.find(r => r.resource === 'services')).toMatchObject({
      hard: '10',
      atLimit: false,
    });
    expect(quota.problems.map(p => p.code)).toEqual(['QuotaAtLimit']);

    const view = (await (await fetch(entityUrl(id))).json()) as EntityView;
    const devEu = view.clusters.find(c => c.cluster.name === 'dev-eu')!;
    expect(devEu.health).toBe('warning');
    expect(devEu.problems.map(p => p.code)).toEqual(['QuotaAtLimit']);
    // The out-of-scope namespace's Service selects nothing, but the view never sees it.
    expect(
      view.clusters.flatMap(c => c.problems).map(p => p.object.namespace),
    ).not.toContain(outOfScope);
  });
});
