import { errorMessage } from '../components/common/errorMessage';
import { DevenvClient } from './DevenvClient';

function client(answer: { status: number; body?: unknown }) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const devenv = new DevenvClient({
    discoveryApi: { getBaseUrl: async id => `http://backstage/api/${id}` },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        return new Response(
          answer.body === undefined ? null : JSON.stringify(answer.body),
          {
            status: answer.status,
            headers: { 'content-type': 'application/json' },
          },
        );
      }) as typeof fetch,
    },
  });
  return { devenv, calls };
}

describe('DevenvClient', () => {
  it('filters the list by owner and cluster, and keeps the per-cluster errors', async () => {
    const { devenv, calls } = client({
      status: 200,
      body: { items: [], errors: [{ cluster: 'prod-us', message: 'down' }] },
    });
    const list = await devenv.listEnvironments({
      owner: 'group:default/team-a',
      cluster: 'dev-eu',
    });
    expect(calls[0].url).toBe(
      'http://backstage/api/devenv/environments?owner=group%3Adefault%2Fteam-a&cluster=dev-eu',
    );
    expect(list.errors).toEqual([{ cluster: 'prod-us', message: 'down' }]);
  });

  it('sends patches as JSON to the environment path, escaping names', async () => {
    const { devenv, calls } = client({ status: 200, body: { name: 'x' } });
    await devenv.updateEnvironment('dev-eu', 'a/b', { action: 'sleep' });
    expect(calls[0].url).toBe(
      'http://backstage/api/devenv/environments/dev-eu/a%2Fb',
    );
    expect(calls[0].init?.method).toBe('PATCH');
    expect(calls[0].init?.body).toBe('{"action":"sleep"}');
  });

  it('unwraps the classes and clusters lists', async () => {
    const { devenv } = client({
      status: 200,
      body: { items: [{ name: 'dev-eu' }] },
    });
    expect(await devenv.listClusters()).toEqual([{ name: 'dev-eu' }]);
  });

  it('turns an error answer into an error with the backend message', async () => {
    const { devenv } = client({
      status: 409,
      body: {
        error: { name: 'ConflictError', message: 'owned by someone else' },
        response: { statusCode: 409 },
      },
    });
    const error = await devenv.deleteEnvironment('dev-eu', 'x').catch(e => e);
    expect(error.statusCode).toBe(409);
    expect(errorMessage(error)).toBe('owned by someone else');
  });
});
