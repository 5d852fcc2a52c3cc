import https from 'node:https';

/** How to reach an apiserver's health endpoint. Either credential works for /readyz. */
export interface ReadinessTarget {
  server: string;
  caData: string;
  token?: string;
  certData?: string;
  keyData?: string;
}

/**
 * Asks the apiserver's /readyz once. Resolves to undefined when it answers 200, otherwise to a
 * short reason. Never waits longer than `timeoutMs`.
 */
export function probeReadyz(
  target: ReadinessTarget,
  timeoutMs = 3000,
): Promise<string | undefined> {
  return new Promise(resolve => {
    const url = new URL('/readyz', target.server);
    const request = https.request(
      url,
      {
        method: 'GET',
        ca: Buffer.from(target.caData, 'base64'),
        cert: target.certData
          ? Buffer.from(target.certData, 'base64')
          : undefined,
        key: target.keyData ? Buffer.from(target.keyData, 'base64') : undefined,
        headers: target.token
          ? { authorization: `Bearer ${target.token}` }
          : {},
        timeout: timeoutMs,
        agent: false,
      },
      response => {
        response.resume();
        response.on('end', () =>
          resolve(
            response.statusCode === 200
              ? undefined
              : `HTTP ${response.statusCode}`,
          ),
        );
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on('error', error => {
      clearTimeout(timer);
      resolve(error.message);
    });
    request.on('close', () => clearTimeout(timer));
    request.end();
  });
}

/** Polls /readyz until it answers 200 or `timeoutMs` passes. */
export async function waitReady(
  target: ReadinessTarget,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let reason: string | undefined = 'not asked yet';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    reason = await probeReadyz(target, 2000);
    if (!reason) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `${target.server} was not ready after ${timeoutMs / 1000} s: ${reason}`,
  );
}
