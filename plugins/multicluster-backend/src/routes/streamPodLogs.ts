import type { KubernetesConnection } from '@kubeplatform/clusters-node';
import { KubernetesRequestError } from '@kubeplatform/clusters-node';
import { Request, Response } from 'express';
import { startUnbufferedStream } from './startUnbufferedStream';
import { flushCompressed } from './flushCompressed';

export interface LogLimits {
  maxBytes: number;
  /** How long a follow stream may stay open. */
  maxFollowSeconds: number;
  requestTimeoutMs: number;
}

/** How a log read ended, for the audit trail. */
export type LogReadOutcome =
  | { ok: true }
  | { ok: false; status: number; error: Error };

/**
 * Proxies a pod's container log as text/plain: the API server's own limitBytes bounds the size,
 * a byte counter and a timer bound what reaches the browser. Resolves once the response has
 * started (or failed), with the outcome.
 */
export async function streamPodLogs(
  req: Request,
  res: Response,
  args: {
    connection: KubernetesConnection;
    namespace: string;
    pod: string;
    container: string;
    previous: boolean;
    follow: boolean;
    tailLines: number;
    limits: LogLimits;
  },
): Promise<LogReadOutcome> {
  const {
    connection,
    namespace,
    pod,
    container,
    previous,
    follow,
    tailLines,
    limits,
  } = args;
  const query = new URLSearchParams({
    container,
    tailLines: String(tailLines),
    limitBytes: String(limits.maxBytes),
  });
  if (previous) query.set('previous', 'true');
  if (follow) query.set('follow', 'true');
  const abort = new AbortController();
  req.on('close', () => abort.abort());

  let upstream;
  try {
    upstream = await connection.request(
      `/api/v1/namespaces/${encodeURIComponent(
        namespace,
      )}/pods/${encodeURIComponent(pod)}/log?${query}`,
      {
        timeoutMs: limits.requestTimeoutMs,
        signal: abort.signal,
        accept: '*/*',
      },
    );
  } catch (error) {
    const e =
      error instanceof KubernetesRequestError
        ? error
        : KubernetesRequestError.fromNetworkError(error, 'reading logs');
    let status = 502;
    if (e.statusCode === 400 || e.statusCode === 404) status = e.statusCode;
    else if (e.kind === 'timeout') status = 504;
    res
      .status(status)
      .type('text/plain')
      .send(`Cannot read logs: ${e.message}\n`);
    return { ok: false, status, error: e };
  }

  startUnbufferedStream(res, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });

  let sent = 0;
  const deadline = setTimeout(
    () => upstream.destroy(),
    limits.maxFollowSeconds * 1000,
  );
  upstream.on('data', (chunk: Buffer) => {
    const room = limits.maxBytes - sent;
    const slice = chunk.length > room ? chunk.subarray(0, room) : chunk;
    sent += slice.length;
    if (!res.write(slice)) {
      upstream.pause();
      res.once('drain', () => upstream.resume());
    }
    flushCompressed(res);
    if (sent >= limits.maxBytes) upstream.destroy();
  });
  const finish = () => {
    clearTimeout(deadline);
    if (!res.writableEnded) res.end();
  };
  upstream.on('end', finish);
  upstream.on('close', finish);
  upstream.on('error', finish);
  res.on('close', () => {
    clearTimeout(deadline);
    upstream.destroy();
  });
  return { ok: true };
}
