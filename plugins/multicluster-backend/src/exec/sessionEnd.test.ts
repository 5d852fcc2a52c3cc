import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { EntityScope } from '../entities/EntityScope';
import { inMemoryCacheReader } from '../__testUtils__/inMemoryCacheReader';
import { componentEntity } from '../__testUtils__/routerApp';
import { ExecTarget } from './authorizeExec';
import { sessionEnd } from './sessionEnd';

const entity = componentEntity('checkout', {
  'backstage.io/kubernetes-id': 'checkout',
});

function podObject(phase = 'Running') {
  return {
    metadata: {
      name: 'checkout-1',
      namespace: 'shop',
      uid: 'u1',
      labels: { 'backstage.io/kubernetes-id': 'checkout' },
    },
    spec: { containers: [{ name: 'checkout' }] },
    status: { phase },
  };
}

const target: ExecTarget = {
  entityRef: 'component:default/checkout',
  cluster: 'prod-us',
  namespace: 'shop',
  pod: 'checkout-1',
  container: 'checkout',
};

function deps(pods: object[], allowed = true) {
  const reader = inMemoryCacheReader({ name: 'prod-us' } as any, {
    pods,
  }) as any;
  return {
    views: {
      authorizedEntity: async () => {
        if (!allowed) throw new NotAllowedError('no');
        return entity;
      },
      locates: () => true,
    },
    cache: { get: () => reader },
    entityScope: EntityScope.fromConfig(new ConfigReader({})),
  };
}

describe('sessionEnd (the re-check of an open terminal)', () => {
  const user = mockCredentials.user();

  it('lets the session go on while the decision holds', async () => {
    expect(await sessionEnd(deps([podObject()]), target, user)).toBeUndefined();
  });

  it('ends it with 4403 once the permission is revoked', async () => {
    expect(await sessionEnd(deps([podObject()], false), target, user)).toEqual({
      code: 4403,
      reason: 'access revoked',
    });
  });

  it('ends it with 4404 once the pod is gone or stopped running', async () => {
    expect(await sessionEnd(deps([]), target, user)).toEqual({
      code: 4404,
      reason: 'the pod or container is gone',
    });
    expect(
      await sessionEnd(deps([podObject('Succeeded')]), target, user),
    ).toEqual({ code: 4404, reason: 'the pod or container is gone' });
  });
});
