import {
  json,
  list,
  pod,
  startMockApiServer,
} from '../__testUtils__/mockApiServer';
import { connectionTo, until } from '../__testUtils__/mockConnection';
import { fastWatchTuning } from '../__testUtils__/watchTuning';
import { CACHED_RESOURCES } from './resources';
import { WatchTuning, WatchUnit } from './WatchUnit';

const TOKEN = 'unit-secret-token';
const tuning: WatchTuning = {
  ...fastWatchTuning,
  listPageSize: 2,
  backoffBaseMs: 20,
  backoffMaxMs: 50,
};
const pods = CACHED_RESOURCES.find(r => r.resource === 'pods')!;

describe('WatchUnit', () => {
  const units: WatchUnit[] = [];
  afterEach(() => units.splice(0).forEach(u => u.stop()));

  function unit(url: string, onObject = jest.fn()) {
    const u = new WatchUnit(
      pods,
      undefined,
      connectionTo(url, { token: TOKEN }),
      tuning,
      {
        onObject,
        onStateChange: () => {},
      },
    );
    units.push(u);
    return u;
  }

  it('lists page by page with the token, trims objects, then watches from the list resourceVersion', async () => {
    const server = await startMockApiServer((_req, url, res) => {
      if (url.searchParams.get('watch')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write(
          `${JSON.stringify({
            type: 'ADDED',
            object: {
              ...pod('c'),
              metadata: { ...pod('c').metadata, resourceVersion: '12' },
            },
          })}\n`,
        );
        return;
      }
      if (!url.searchParams.get('continue')) {
        json(res, 200, {
          ...list([pod('a'), pod('b')]),
          metadata: { continue: 'next', resourceVersion: '10' },
        });
      } else {
        json(res, 200, list([], '11'));
      }
    });
    try {
      const u = unit(server.url);
      u.start();
      await until(() => u.list().length === 3);
      expect(server.requests.every(r => r.auth === `Bearer ${TOKEN}`)).toBe(
        true,
      );
      const paths = server.requests.map(r => r.path);
      expect(paths[0]).toBe('/api/v1/pods?limit=2');
      expect(paths[1]).toBe('/api/v1/pods?limit=2&continue=next');
      expect(paths[2]).toMatch(
        /^\/api\/v1\/pods\?resourceVersion=11&watch=true&allowWatchBookmarks=true&timeoutSeconds=\d+$/,
      );
      const stored = u.get('a', 'shop') as any;
      expect(stored.metadata.managedFields).toBeUndefined();
      expect(stored.metadata.annotations).toBeUndefined();
      expect(stored.spec.volumes).toBeUndefined();
      expect(stored.spec.containers[0].env).toBeUndefined();
      expect(stored.spec.containers[0].image).toBe('app:1.0');
      expect(
        (u.get('c', 'shop') as any).metadata.managedFields,
      ).toBeUndefined();
      expect(u.state.state).toBe('ok');
    } finally {
      await server.close();
    }
  });

  it('marks 429 as stale and retries after backing off, then recovers', async () => {
    let calls = 0;
    const server = await startMockApiServer((_req, url, res) => {
      if (url.searchParams.get('watch')) {
        res.writeHead(200);
        return;
      }
      calls += 1;
      if (calls === 1)
        json(res, 429, { message: 'slow down' }, { 'Retry-After': '0' });
      else json(res, 200, list([pod('a')]));
    });
    try {
      const u = unit(server.url);
      u.start();
      await until(() => u.state.state === 'stale');
      expect(u.state.reason).toMatch(/HTTP 429: slow down/);
      await until(() => u.state.state === 'ok');
      expect(calls).toBe(2);
    } finally {
      await server.close();
    }
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
  ])(
    'maps HTTP %s to %s, keeps retrying slowly, and never echoes the token',
    async (status, state) => {
      const server = await startMockApiServer((_req, _url, res) =>
        json(res, status, { message: `denied for Bearer ${'x'}` }),
      );
      try {
        const u = unit(server.url);
        u.start();
        await until(() => u.state.state === state);
        expect(u.state.reason).not.toContain(TOKEN);
        expect(u.state.hasData).toBe(false);
        await new Promise(r => setTimeout(r, 200));
        // deniedRetryMs is a minute: no hammering.
        expect(server.requests.length).toBe(1);
      } finally {
        await server.close();
      }
    },
  );

  it('keeps the data and marks unreachable when the server goes away, with a sync time', async () => {
    const server = await startMockApiServer((_req, url, res) => {
      if (url.searchParams.get('watch')) {
        res.writeHead(200);
        return;
      }
      json(res, 200, list([pod('a')]));
    });
    const u = unit(server.url);
    u.start();
    await until(() => u.state.state === 'ok' && u.list().length === 1);
    await server.close();
    await until(() => u.state.state === 'unreachable');
    expect(u.list().length).toBe(1);
    expect(u.state.lastSyncedAt).toBeDefined();
    const first = u.state.lastSyncedAt!;
    await new Promise(r => setTimeout(r, 100));
    expect(u.state.lastSyncedAt).toBe(first);
  });

  it('relists when a watch reports 410 Gone, and drops objects deleted meanwhile', async () => {
    let lists = 0;
    const server = await startMockApiServer((_req, url, res) => {
      if (url.searchParams.get('watch')) {
        res.writeHead(200);
        if (lists === 1) {
          res.end(
            `${JSON.stringify({
              type: 'ERROR',
              object: { kind: 'Status', code: 410, reason: 'Expired' },
            })}\n`,
          );
        }
        return;
      }
      lists += 1;
      json(
        res,
        200,
        lists === 1 ? list([pod('a'), pod('b')], '10') : list([pod('b')], '20'),
      );
    });
    const onObject = jest.fn();
    try {
      const u = unit(server.url, onObject);
      u.start();
      await until(() => u.listCount === 2);
      await until(() => u.list().length === 1);
      expect(u.list().map(p => p.metadata?.name)).toEqual(['b']);
      expect(onObject).toHaveBeenCalledWith(
        'delete',
        expect.objectContaining({
          metadata: expect.objectContaining({ name: 'a' }),
        }),
      );
      // The watch is re-opened from the relist's resourceVersion.
      await until(() =>
        server.requests.some(
          r =>
            r.path.includes('watch=true') &&
            r.path.includes('resourceVersion=20'),
        ),
      );
    } finally {
      await server.close();
    }
  });

  it('times out a list that hangs', async () => {
    const server = await startMockApiServer(() => {
      /* never answers */
    });
    try {
      const u = unit(server.url);
      u.start();
      await until(() => u.state.state === 'timeout', 3000);
      expect(u.state.reason).toMatch(/timed out after 500 ms/);
    } finally {
      await server.close();
    }
  });
});
