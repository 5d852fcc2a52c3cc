import { mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  ENVIRONMENT_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  OWNER_ANNOTATION,
  PHASE_ANNOTATION,
} from '@kubeplatform/clusters-common';
import { testSettings } from '../__fixtures__/settings';
import type { ClusterClient } from '../kube/ClusterClient';
import { describeObject, ObjectRef } from '../kube/objects';
import { offlineClusters } from '../testUtils';
import { EnvironmentClasses } from './EnvironmentClasses';
import { EnvironmentCreator } from './EnvironmentCreator';
import { EnvironmentLocator } from './EnvironmentLocator';
import { EnvironmentPlanner } from './EnvironmentPlanner';

const clusters = offlineClusters(
  ['dev-eu'],
  'not used: the locator is given a fake client',
);

/** A fake cluster where the nth write fails with `failure`, and deletes may fail too. */
function fakeClient(options: { failOnWrite: number; failDeletes?: boolean }) {
  const stored = new Map<string, KubernetesObject>();
  const deleted: string[] = [];
  let writes = 0;
  const write = async (object: KubernetesObject) => {
    writes += 1;
    if (writes === options.failOnWrite) {
      throw new InputError(`applying ${describeObject(object)} was refused`);
    }
    stored.set(describeObject(object), object);
    return object;
  };
  const client = {
    cluster: 'dev-eu',
    read: async (ref: ObjectRef) => stored.get(describeObject(ref)),
    createIfAbsent: async (object: KubernetesObject) => {
      await write(object);
      return true;
    },
    apply: write,
    mergePatch: async (ref: ObjectRef) => stored.get(describeObject(ref)),
    delete: async (ref: ObjectRef) => {
      if (options.failDeletes) {
        throw new ServiceUnavailableError('cluster unreachable');
      }
      deleted.push(describeObject(ref));
      return stored.delete(describeObject(ref));
    },
  };
  return { client: client as unknown as ClusterClient, deleted };
}

async function createWith(client: ClusterClient) {
  const classes = new EnvironmentClasses(testSettings(), 'http://x/api/devenv');
  const locator = new EnvironmentLocator(
    clusters,
    classes,
    mockServices.logger.mock(),
  );
  jest.spyOn(locator, 'connect').mockResolvedValue(client);
  const planner = new EnvironmentPlanner({
    clusters,
    classes,
    reservedNames: [],
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  const planned = await planner.plan({
    name: 'alice-dev',
    owner: 'user:default/alice',
    class: 'namespace',
    cluster: 'dev-eu',
  });
  const creator = new EnvironmentCreator(
    locator,
    classes,
    mockServices.logger.mock(),
  );
  return creator.create(planned, () => {});
}

describe('EnvironmentCreator', () => {
  it('wraps a failed step with its cause and rolls back what it created', async () => {
    const { client, deleted } = fakeClient({ failOnWrite: 3 });
    const error = await createWith(client).catch(e => e);
    expect(error.cause).toBeInstanceOf(InputError);
    expect(error.cause.message).toBe(
      'applying LimitRange alice-dev/devenv-limits was refused',
    );
    // The wrapper keeps the cause's type for HTTP status mapping.
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      'Creating environment dev-eu/alice-dev failed (rolled back 2 objects this request created)',
    );
    expect(deleted).toEqual([
      'ResourceQuota alice-dev/devenv-quota',
      'Namespace alice-dev',
    ]);
  });

  it('says when the rollback is incomplete', async () => {
    const { client } = fakeClient({ failOnWrite: 2, failDeletes: true });
    const error = await createWith(client).catch(e => e);
    expect(error.cause).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      'rollback incomplete, the reaper will remove the rest: Namespace alice-dev',
    );
  });

  it('names a concurrent create that wrote its anchor between the two lookups', async () => {
    // The other request's namespace appears after this request's anchor lookup and before
    // its claimed-object check: the interleaving two simultaneous creates produce.
    const racingAnchor: KubernetesObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'alice-dev',
        labels: {
          [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
          [ENVIRONMENT_LABEL]: 'alice-dev',
        },
        annotations: {
          [OWNER_ANNOTATION]: 'user:default/alice',
          [PHASE_ANNOTATION]: 'provisioning',
        },
      },
    };
    let namespaceReads = 0;
    const client = {
      cluster: 'dev-eu',
      read: async (ref: ObjectRef) => {
        if (ref.kind !== 'Namespace') {
          return undefined;
        }
        namespaceReads += 1;
        return namespaceReads === 1 ? undefined : racingAnchor;
      },
      createIfAbsent: jest.fn(),
      apply: jest.fn(),
    } as unknown as ClusterClient;
    const error = await createWith(client).catch(e => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      'Environment "alice-dev" on cluster "dev-eu" is being created by another request; nothing was changed',
    );
    expect(client.createIfAbsent).not.toHaveBeenCalled();
    expect(client.apply).not.toHaveBeenCalled();
  });
});
