import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { listenForLoginCallback, LoginCallback } from './loginCallback';

const STATE = 'a'.repeat(43);
const TOKEN = 'backstage-limited-token-value';
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

/** What a browser's form post to the callback looks like, with overridable parts. */
function post(
  port: number,
  fields: Record<string, string>,
  options: { host?: string; method?: string; path?: string } = {},
): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/callback',
        headers: {
          host: options.host ?? `127.0.0.1:${port}`,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      res => {
        let text = '';
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the sign-in callback refuses what an attacker can send', () => {
  let callback: LoginCallback;
  let settled: 'pending' | 'received' | 'failed';

  beforeEach(async () => {
    callback = await listenForLoginCallback({
      state: STATE,
      timeoutMs: 10_000,
    });
    settled = 'pending';
    callback.received.then(
      () => (settled = 'received'),
      () => (settled = 'failed'),
    );
  });
  afterEach(() => callback.close());

  it('listens on 127.0.0.1 only: not reachable on any other address', async () => {
    expect(callback.host).toBe('127.0.0.1');
    const { port } = callback;
    const others = Object.values(networkInterfaces())
      .flat()
      .filter(i => i && i.family === 'IPv4' && !i.internal)
      .map(i => i!.address);
    for (const address of others) {
      await expect(
        new Promise((resolve, reject) => {
          const socket = connect(port, address, () => {
            socket.end();
            resolve('connected');
          });
          socket.on('error', reject);
        }),
      ).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  it('refuses a wrong state and keeps waiting for the right one', async () => {
    const forged = await post(callback.port, {
      state: 'b'.repeat(43),
      token: 'attacker-token',
      expiresAt: inAnHour(),
    });
    expect(forged.status).toBe(403);
    expect(forged.body).not.toContain('attacker-token');
    const missing = await post(callback.port, {
      token: 'attacker-token',
      expiresAt: inAnHour(),
    });
    expect(missing.status).toBe(403);
    await new Promise(r => setImmediate(r));
    expect(settled).toBe('pending');

    const genuine = await post(callback.port, {
      state: STATE,
      token: TOKEN,
      expiresAt: inAnHour(),
    });
    expect(genuine.status).toBe(200);
    expect(genuine.body).not.toContain(TOKEN);
    await expect(callback.received).resolves.toEqual({
      token: TOKEN,
      expiresAt: expect.any(String),
    });
  });

  it('accepts the state once: a replay of the very same post is refused', async () => {
    const fields = { state: STATE, token: TOKEN, expiresAt: inAnHour() };
    expect((await post(callback.port, fields)).status).toBe(200);
    const replay = await post(callback.port, {
      ...fields,
      token: 'replayed-token',
    });
    expect(replay.status).toBe(410);
    await expect(callback.received).resolves.toMatchObject({ token: TOKEN });
  });

  it('refuses another host name (DNS rebinding), another path and a GET', async () => {
    const fields = { state: STATE, token: TOKEN, expiresAt: inAnHour() };
    expect(
      (await post(callback.port, fields, { host: 'evil.example:80' })).status,
    ).toBe(403);
    expect((await post(callback.port, fields, { path: '/other' })).status).toBe(
      404,
    );
    expect((await post(callback.port, fields, { method: 'GET' })).status).toBe(
      405,
    );
    await new Promise(r => setImmediate(r));
    expect(settled).toBe('pending');
  });

  it('refuses a token that has already expired', async () => {
    const stale = await post(callback.port, {
      state: STATE,
      token: TOKEN,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(stale.status).toBe(400);
    await new Promise(r => setImmediate(r));
    expect(settled).toBe('pending');
  });
});
