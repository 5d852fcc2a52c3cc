import { mockServices } from '@backstage/backend-test-utils';
import type { Environment } from '@kubeplatform/clusters-common';
import type { EnvironmentDocument } from '@kubeplatform/clusters-common';
import { EnvironmentAccessPolicy } from '@kubeplatform/plugin-devenv-node';
import { EnvironmentCollatorFactory } from './EnvironmentCollatorFactory';
import { collectDocuments } from '../__testUtils__/collectDocuments';

const guestDev: Environment = {
  ref: 'dev-eu/guest-dev',
  name: 'guest-dev',
  cluster: 'dev-eu',
  class: 'namespace',
  owner: 'user:default/guest',
  namespace: 'guest-dev',
  status: 'ready',
  expiresAt: '2026-11-23T02:00:00.000Z',
  parameters: {},
  connection: {
    kind: 'kubeconfig',
    namespace: 'guest-dev',
    command: 'curl ...',
  },
};

async function collect(result: {
  items: Environment[];
  errors: Array<{ cluster: string; message: string }>;
}) {
  const logger = mockServices.logger.mock();
  const factory = new EnvironmentCollatorFactory({
    listEnvironments: async () => result,
    access: EnvironmentAccessPolicy.fromSettings(
      { admins: [], enforceOwnership: true },
      {
        auth: mockServices.auth(),
        permissions: mockServices.permissions(),
        userInfo: mockServices.userInfo(),
      },
    ),
    logger,
  });
  return {
    documents: await collectDocuments<EnvironmentDocument>(factory),
    logger,
  };
}

describe('EnvironmentCollatorFactory', () => {
  it('writes one document per environment, permission-checked as its catalog Resource', async () => {
    const { documents } = await collect({ items: [guestDev], errors: [] });
    expect(documents).toEqual([
      {
        title: 'guest-dev (dev-eu)',
        text: expect.stringContaining('owned by user:default/guest'),
        location: '/catalog/default/resource/guest-dev.dev-eu',
        name: 'guest-dev',
        owner: 'user:default/guest',
        class: 'namespace',
        cluster: 'dev-eu',
        namespace: 'guest-dev',
        status: 'ready',
        expiresAt: '2026-11-23T02:00:00.000Z',
        authorization: { resourceRef: 'resource:default/guest-dev.dev-eu' },
      },
    ]);
  });

  it('indexes the reachable clusters and logs the unreachable one', async () => {
    const { documents, logger } = await collect({
      items: [guestDev],
      errors: [{ cluster: 'prod-us', message: 'connect ECONNREFUSED' }],
    });
    expect(documents.map(d => d.name)).toEqual(['guest-dev']);
    expect(logger.warn).toHaveBeenCalledWith(
      'Environments on cluster prod-us are missing from the index: connect ECONNREFUSED',
    );
  });
});
