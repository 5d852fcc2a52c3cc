import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { multiclusterViewReadPermission } from '@kubeplatform/clusters-common';
import { WorkloadCollatorFactory } from './WorkloadCollatorFactory';

/*
 * Issue 11, finding 8: a workload document tells where an entity runs, its namespaces and
 * images — what the multi-cluster view shows. Search must hide it from whoever may not read
 * that view, not only from whoever may not read the catalog entity.
 */
describe('workload search visibility', () => {
  it('attack: workload documents are authorized with multicluster.view.read, per entity', () => {
    const factory = new WorkloadCollatorFactory({
      catalog: catalogServiceMock({ entities: [] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      views: async () => {
        throw new Error('not used');
      },
    });
    expect(factory.visibilityPermission).toEqual(
      multiclusterViewReadPermission,
    );
    // A resource permission on the catalog entity: each document names its entity.
    expect(factory.visibilityPermission.resourceType).toBe('catalog-entity');
  });
});
