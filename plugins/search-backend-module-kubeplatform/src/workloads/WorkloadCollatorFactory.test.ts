import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { EntityView } from '@kubeplatform/clusters-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  checkoutView,
  emptyView,
  withUnreachable,
} from '../__fixtures__/views';
import type { WorkloadDocument } from '@kubeplatform/clusters-common';
import { WorkloadCollatorFactory } from './WorkloadCollatorFactory';
import { collectDocuments } from '../__testUtils__/collectDocuments';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: `The ${name} service.`,
      annotations,
    },
    spec: { type: 'service', owner: 'group:default/team-shop' },
  };
}

const checkout = component('checkout', {
  'backstage.io/kubernetes-id': 'checkout',
});
const payments = component('payments', {
  'backstage.io/kubernetes-label-selector': 'app=payments',
});
const docsOnly = component('handbook', {});

async function collect(views: (ref: string) => EntityView) {
  const logger = mockServices.logger.mock();
  const factory = new WorkloadCollatorFactory({
    catalog: catalogServiceMock({ entities: [checkout, payments, docsOnly] }),
    auth: mockServices.auth(),
    logger,
    views: async ref =>
      views(
        `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US'),
      ),
  });
  return {
    documents: await collectDocuments<WorkloadDocument>(factory),
    logger,
  };
}

describe('WorkloadCollatorFactory', () => {
  it('writes one document per entity with Kubernetes annotations: clusters, regions, environments, namespaces, images, health', async () => {
    const { documents } = await collect(ref =>
      ref.endsWith('/checkout') ? checkoutView : emptyView(ref),
    );
    expect(documents.map(d => d.entityRef).sort()).toEqual([
      'component:default/checkout',
      'component:default/payments',
    ]);
    const doc = documents.find(
      d => d.entityRef === 'component:default/checkout',
    )!;
    expect(doc).toMatchObject({
      title: 'checkout',
      location: '/catalog/default/component/checkout/kubernetes-multicluster',
      owner: 'group:default/team-shop',
      health: 'error',
      clusters: ['dev-eu', 'prod-us'],
      regions: ['eu-west-1', 'us-east-1'],
      environments: ['development', 'production'],
      namespaces: ['shop'],
      authorization: { resourceRef: 'component:default/checkout' },
    });
    expect(doc.images).toEqual(
      expect.arrayContaining([
        'kubeplatform-demo/checkout:1.4.2',
        'kubeplatform-demo/checkout:1.5.0',
        '1.4.2',
        '1.5.0',
      ]),
    );
    expect(doc.text).toContain(
      'Runs on dev-eu (eu-west-1, development): warning; prod-us (us-east-1, production): error.',
    );
    const paymentsDoc = documents.find(
      d => d.entityRef === 'component:default/payments',
    )!;
    expect(paymentsDoc.clusters).toEqual([]);
    expect(paymentsDoc.text).toContain('No workloads found on any cluster.');
  });

  it('still indexes what arrived when one cluster is unreachable, and names that cluster', async () => {
    const { documents } = await collect(() =>
      withUnreachable(checkoutView, 'dev-eu'),
    );
    const doc = documents.find(
      d => d.entityRef === 'component:default/checkout',
    )!;
    expect(doc.clusters).toEqual(['prod-us']);
    expect(doc.incompleteClusters).toEqual(['dev-eu']);
    expect(doc.images).not.toContain('kubeplatform-demo/checkout:1.5.0');
  });

  it('skips an entity whose view cannot be read and goes on with the rest', async () => {
    const { documents, logger } = await collect(ref => {
      if (ref.endsWith('/payments')) {
        throw new NotFoundError('No entity component:default/payments');
      }
      return checkoutView;
    });
    expect(documents.map(d => d.entityRef)).toEqual([
      'component:default/checkout',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Skipped component:default/payments'),
    );
  });
});
