import { createHash, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Backstage token handed over by the sign-in page. */
export interface ReceivedToken {
  token: string;
  expiresAt: string;
}

/** The loopback server waiting for the sign-in page's form post. */
export interface LoginCallback {
  host: string;
  port: number;
  /** The first post with the expected state; rejects when the time is up. */
  received: Promise<ReceivedToken>;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 16 * 1024;

/** Compares in constant time, whatever the lengths. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function answer(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'",
    'referrer-policy': 'no-referrer',
  });
  res.end(`<!doctype html><title>kubectl-kubeplatform</title><p>${text}</p>`);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Waits on `127.0.0.1` for the Environments page to post the signed-in user's token. Only a
 * post to `/callback` addressed to this very host and port (not a rebound DNS name) with the
 * expected state counts, once; the token is never echoed back or logged.
 */
export async function listenForLoginCallback(options: {
  state: string;
  timeoutMs: number;
}): Promise<LoginCallback> {
  let accepted = false;
  let resolve!: (token: ReceivedToken) => void;
  let reject!: (error: Error) => void;
  const received = new Promise<ReceivedToken>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.host !== `${LOOPBACK}:${port}`) {
      answer(res, 403, 'Wrong host.');
      return;
    }
    if (
      new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname !== '/callback'
    ) {
      answer(res, 404, 'Not found.');
      return;
    }
    if (req.method !== 'POST') {
      answer(res, 405, 'Only the sign-in page posts here.');
      return;
    }
    if (accepted) {
      answer(res, 410, 'This sign-in is already complete.');
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      answer(res, 413, 'Too large.');
      return;
    }
    const form = new URLSearchParams(body);
    if (!sameSecret(form.get('state') ?? '', options.state)) {
      answer(
        res,
        403,
        'This sign-in was not started by kubectl-kubeplatform on this computer.',
      );
      return;
    }
    const token = form.get('token') ?? '';
    const expiresAt = form.get('expiresAt') ?? '';
    const expiry = Date.parse(expiresAt);
    if (!token || !Number.isFinite(expiry) || expiry <= Date.now()) {
      answer(res, 400, 'The sign-in page sent no valid token.');
      return;
    }
    accepted = true;
    answer(
      res,
      200,
      'kubectl-kubeplatform is signed in. You can close this tab.',
    );
    resolve({ token, expiresAt: new Date(expiry).toISOString() });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) answer(res, 400, 'Bad request.');
    });
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(0, LOOPBACK, () => res());
  });
  const address = server.address() as AddressInfo;
  port = address.port;

  const timer = setTimeout(
    () =>
      reject(
        new Error(
          `No sign-in arrived within ${Math.round(options.timeoutMs / 1000)} s`,
        ),
      ),
    options.timeoutMs,
  );
  received.then(
    () => clearTimeout(timer),
    () => undefined,
  );

  return {
    host: address.address,
    port,
    received,
    close: () =>
      new Promise(res => {
        clearTimeout(timer);
        server.close(() => res());
        server.closeAllConnections();
      }),
  };
}
