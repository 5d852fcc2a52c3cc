import type { Readable } from 'node:stream';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { json, startMockApiServer } from '../__testUtils__/mockApiServer';
import { connectionTo } from '../__testUtils__/mockConnection';
import { WATCH_SOCKETS } from './KubernetesConnection';
import { KubernetesRequestError } from './KubernetesRequestError';

/**
 * Attack tests for the connection's resource bounds (issue 11, finding 7): log follows must not
 * take the sockets the watch cache needs, and no response or watch line may grow without limit.
 */
function drain(res: Readable): Promise<Error | undefined> {
  return new Promise(resolve => {
    res.on('data', () => {});
    res.on('error', error => resolve(error));
    res.on('end', () => resolve(undefined));
  });
}

jest.setTimeout(15_000);

/** A throwaway key and self-signed certificate for 127.0.0.1, made with openssl. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: fs.readFileSync(path.join(dir, 'key.pem')),
      cert: fs.readFileSync(path.join(dir, 'cert.pem')),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('KubernetesConnection bounds', () => {
  let server: Awaited<ReturnType<typeof startMockApiServer>>;
  afterEach(() => server?.close());

  it('attack: 100 log follows on one cluster leave a watch able to connect at once', async () => {
    server = await startMockApiServer((_req, url, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      // Log follows and watches stay open, as a busy pod's log would.
      if (url.pathname.endsWith('/log')) res.write('a line\n');
      else res.write('{"type":"BOOKMARK","object":{"metadata":{}}}\n');
    });
    const connection = connectionTo(server.url);
    const abort = new AbortController();
    const follows = Array.from({ length: 100 }, (_, i) =>
      connection
        .request(`/api/v1/namespaces/shop/pods/p-${i}/log?follow=true`, {
          timeoutMs: 20_000,
          signal: abort.signal,
          accept: '*/*',
        })
        .catch(() => undefined),
    );
    // Let the follows take every socket they can.
    await new Promise(r => setTimeout(r, 300));
    const started = Date.now();
    // Resolves only on HTTP 200; rejects with a timeout when no socket is free.
    await connection.request('/api/v1/pods?watch=true', {
      timeoutMs: 2_000,
      signal: abort.signal,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    abort.abort();
    await Promise.all(follows);
    connection.close();
  });

  it('keeps the watch pool at its own size', () => {
    expect(WATCH_SOCKETS).toBeGreaterThanOrEqual(64);
  });

  it('attack: a JSON body larger than the limit is refused, not buffered', async () => {
    server = await startMockApiServer((_req, _url, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"items":["${'x'.repeat(200_000)}"]}`);
    });
    const connection = connectionTo(server.url, {
      limits: { maxBodyBytes: 100_000 },
    });
    const error = await connection
      .getJson('/api/v1/pods', { timeoutMs: 2_000 })
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(KubernetesRequestError);
    expect(error.message).toMatch(/larger than 100000 bytes/);
    connection.close();
  });

  it('attack: a pooled TLS socket keeps nothing of a list body once getJson returned', async () => {
    // A TLS socket in the keep-alive pool stays linked to the request that opened it (through
    // its session listener). A body reader whose listeners still held the body (its chunks, its
    // settled promise) would keep such a list page, megabytes each, alive as long as the socket.
    v8.setFlagsFromString('--expose-gc');
    const gc: () => void = vm.runInNewContext('gc');
    const settledBytes = () => {
      for (let i = 0; i < 4; i++) gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const pageBytes = 4 * 1024 * 1024;
    // A Buffer, so that serving it allocates nothing the measurement would count.
    const body = Buffer.from(
      `{"kind":"PodList","items":["${'x'.repeat(pageBytes)}"]}`,
    );
    const tls = selfSignedCertificate();
    const tlsServer = https.createServer(tls, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>(r => tlsServer.listen(0, '127.0.0.1', () => r()));
    const { port } = tlsServer.address() as { port: number };
    const connection = connectionTo(`https://127.0.0.1:${port}`, {
      limits: { maxBodyBytes: 2 * pageBytes },
    });
    try {
      const before = settledBytes();
      const items = await connection
        .getJson<{ items: string[] }>('/api/v1/pods', { timeoutMs: 5_000 })
        .then(list => list.items.length);
      expect(items).toBe(1);
      expect(settledBytes() - before).toBeLessThan(pageBytes / 4);
    } finally {
      connection.close();
      tlsServer.closeAllConnections();
      await new Promise<void>(r => tlsServer.close(() => r()));
    }
  });

  it('attack: a watch line longer than the limit ends the watch response with an error', async () => {
    server = await startMockApiServer((_req, _url, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"type":"BOOKMARK","object":{"metadata":{}}}\n');
      // One endless line, never terminated.
      const chunk = 'x'.repeat(16_384);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(timer));
    });
    const connection = connectionTo(server.url, {
      limits: { maxWatchLineBytes: 100_000 },
    });
    const res = await connection.request('/api/v1/pods?watch=true', {
      timeoutMs: 2_000,
    });
    const error = await drain(res);
    expect(error).toBeInstanceOf(KubernetesRequestError);
    expect(error?.message).toMatch(/line longer than 100000 bytes/);
    connection.close();
  });

  it('lets watch lines under the limit through unchanged', async () => {
    const lines = [
      '{"type":"ADDED","object":{"metadata":{"name":"a"}}}',
      '{"type":"ADDED","object":{"metadata":{"name":"b"}}}',
    ];
    server = await startMockApiServer((_req, _url, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`${lines.join('\n')}\n`);
    });
    const connection = connectionTo(server.url, {
      limits: { maxWatchLineBytes: 100 },
    });
    const res = await connection.request('/api/v1/pods?watch=true', {
      timeoutMs: 2_000,
    });
    let text = '';
    res.on('data', (c: Buffer) => {
      text += c.toString();
    });
    expect(await drain(res)).toBeUndefined();
    expect(text).toBe(`${lines.join('\n')}\n`);
    connection.close();
  });
});

const patch = {
  method: 'PATCH' as const,
  path: '/apis/apps/v1/namespaces/shop/deployments/checkout',
  contentType: 'application/strategic-merge-patch+json',
  body: { spec: { replicas: 3 } },
};

describe('KubernetesConnection.writeJson', () => {
  let server: Awaited<ReturnType<typeof startMockApiServer>>;
  afterEach(() => server?.close());

  it('sends the write with the credential, media type and body the reads use, and returns the answer', async () => {
    const seen: Array<Record<string, unknown>> = [];
    server = await startMockApiServer(async (req, url, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      seen.push({
        method: req.method,
        path: url.pathname,
        contentType: req.headers['content-type'],
        userAgent: req.headers['user-agent'],
        body: JSON.parse(body),
      });
      json(res, 200, { kind: 'Deployment', spec: { replicas: 3 } });
    });
    const connection = connectionTo(server.url);

    const answer = await connection.writeJson(patch, {
      timeoutMs: 2_000,
      userAgent: 'kubeplatform-test-writer',
    });
    connection.close();

    expect(answer).toEqual({ kind: 'Deployment', spec: { replicas: 3 } });
    expect(seen).toEqual([
      {
        method: 'PATCH',
        path: patch.path,
        contentType: patch.contentType,
        userAgent: 'kubeplatform-test-writer',
        body: patch.body,
      },
    ]);
    expect(server.requests.map(r => r.auth)).toEqual(['Bearer t']);
  });

  it('fails a refused write with a KubernetesRequestError naming the write and the Status message', async () => {
    server = await startMockApiServer((_req, _url, res) =>
      json(res, 409, {
        kind: 'Status',
        message: 'the object has been modified',
      }),
    );
    const connection = connectionTo(server.url);

    const failure = connection.writeJson(patch, { timeoutMs: 2_000 });

    await expect(failure).rejects.toBeInstanceOf(KubernetesRequestError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(
        /^PATCH \/apis\/apps\/v1\/namespaces\/shop\/deployments\/checkout on cluster 'c' failed with HTTP 409.*the object has been modified/,
      ),
    });
    connection.close();
  });
});
