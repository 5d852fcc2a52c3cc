import { mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import { testSettings } from '../__fixtures__/settings';
import type { ClusterClient } from '../kube/ClusterClient';
import { describeObject, ObjectRef } from '../kube/objects';
import { EnvironmentClasses } from './EnvironmentClasses';
import { EnvironmentLocator } from './EnvironmentLocator';

function locatorOver(objects: KubernetesObject[]) {
  const client = {
    cluster: 'dev-eu',
    read: async (ref: ObjectRef) =>
      objects.find(o => describeObject(o) === describeObject(ref)),
  } as unknown as ClusterClient;
  const classes = new EnvironmentClasses(testSettings(), 'http://x/api/devenv');
  const locator = new EnvironmentLocator(
    {
      listClusters: async () => [],
      getCluster: async () => undefined,
      getKubeConfig: async () => {
        throw new Error('not used');
      },
    },
    classes,
    mockServices.logger.mock(),
  );
  jest.spyOn(locator, 'connect').mockResolvedValue(client);
  return locator;
}

const managed: KubernetesObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name: 'alice-dev',
    labels: {
      'app.kubernetes.io/managed-by': 'kubeplatform',
      'kubeplatform.io/environment': 'alice-dev',
      'kubeplatform.io/class': 'namespace',
    },
    annotations: { 'kubeplatform.io/owner': 'user:default/alice' },
  },
};

describe('EnvironmentLocator', () => {
  it('finds a managed anchor', async () => {
    const { environment } = await locatorOver([managed]).locate(
      'dev-eu',
      'alice-dev',
      'nothing was changed',
    );
    expect(environment).toMatchObject({
      ref: 'dev-eu/alice-dev',
      owner: 'user:default/alice',
      class: 'namespace',
    });
  });

  it('refuses a namespace it does not manage', async () => {
    const foreign = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
    };
    const error = await locatorOver([foreign])
      .locate('dev-eu', 'shop', 'nothing was deleted')
      .catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe(
      'Namespace "shop" on cluster "dev-eu" is not managed by Kubeplatform; nothing was deleted',
    );
  });

  it('says NotFound for a name nothing uses', async () => {
    const error = await locatorOver([])
      .locate('dev-eu', 'nobody', 'nothing was changed')
      .catch(e => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('No environment "nobody" on cluster "dev-eu"');
  });
});
