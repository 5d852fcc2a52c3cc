import { ApiException } from '@kubernetes/client-node';
import { isConnectionReset, toBackstageError } from './errors';

describe('toBackstageError', () => {
  const status = (code: number, message: string) =>
    new ApiException(
      code,
      'HTTP-Code: 403 Headers: {"authorization":"Bearer secret-token"}',
      JSON.stringify({ kind: 'Status', message }),
      { authorization: 'Bearer secret-token' },
    );

  it.each([
    [403, 'NotAllowedError', ' was forbidden: namespaces is forbidden'],
    [422, 'InputError', ' was refused: namespaces is forbidden'],
    [409, 'ConflictError', ' conflicted: namespaces is forbidden'],
    [404, 'NotFoundError', ': not found: namespaces is forbidden'],
    [500, 'ServiceUnavailableError', ' failed: namespaces is forbidden'],
  ])('maps HTTP %d to %s with the Status message only', (code, name, text) => {
    const error = toBackstageError(
      status(code, 'namespaces is forbidden'),
      'creating Namespace x',
      'dev-eu',
    );
    expect(error.name).toBe(name);
    expect(error.message).toContain(
      `creating Namespace x on cluster "dev-eu"${text}`,
    );
    expect(error.message).not.toContain('secret-token');
  });

  it('reports an unreachable cluster as such', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const error = toBackstageError(
      Object.assign(new Error('request failed'), { cause }),
      'reading Namespace x',
      'dev-eu',
    );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      'reading Namespace x on cluster "dev-eu" failed: cluster unreachable (ECONNREFUSED)',
    );
  });

  it('recognises a reset connection, which reads retry once', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), {
      name: 'FetchError',
      code: 'ECONNRESET',
    });
    expect(isConnectionReset(reset)).toBe(true);
    expect(isConnectionReset(new Error('ECONNRESET in a message only'))).toBe(
      false,
    );
  });
});
