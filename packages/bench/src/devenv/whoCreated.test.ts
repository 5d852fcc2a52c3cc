import fs from 'node:fs';
import { auditLogPerTest } from '../__testUtils__/auditLogPerTest';
import { whoCreated } from './whoCreated';

const BACKEND = 'system:serviceaccount:kubeplatform:backstage-backend';

function event(
  verb: string,
  objectRef: object,
  username = BACKEND,
  at = '2026-12-01T06:00:01.000000Z',
) {
  return JSON.stringify({
    stage: 'ResponseComplete',
    verb,
    user: { username },
    objectRef,
    requestReceivedTimestamp: at,
  });
}

describe('whoCreated', () => {
  const audit = auditLogPerTest('who-created-');

  it('counts writes per user on what the runs made, and names creates the log lacks', () => {
    fs.writeFileSync(
      audit.log,
      [
        event('create', { resource: 'namespaces', name: 'env-1' }),
        event('patch', { resource: 'resourcequotas', namespace: 'env-1' }),
        event('create', {
          resource: 'serviceaccounts',
          subresource: 'token',
          namespace: 'env-1',
        }),
        event('create', { resource: 'namespaces', name: 'ns-1' }),
        // Before the runs, and a read: neither counts.
        event(
          'create',
          { resource: 'namespaces', name: 'ns-1' },
          'system:serviceaccount:x:old',
          '2026-12-01T05:00:00.000000Z',
        ),
        event('get', { resource: 'namespaces', name: 'env-1' }),
        // Someone else's namespace.
        event('create', { resource: 'namespaces', name: 'other' }),
        '{"half a line',
      ].join('\n'),
    );
    expect(
      whoCreated(audit.log, new Date('2026-12-01T06:00:00Z'), {
        environments: ['env-1', 'env-2'],
        bareNamespaces: ['ns-1'],
      }),
    ).toEqual({
      environmentWrites: { [BACKEND]: 3 },
      bareNamespaceWrites: { [BACKEND]: 1 },
      // env-2 was created with credentials the audit policy does not record (an admin's).
      createsNotAudited: ['env-2'],
    });
  });
});
