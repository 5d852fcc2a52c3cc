import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubernetesRequestError } from './KubernetesRequestError';
import { limitLineLength } from './limitLineLength';

/** Lets API server audit logs tell Kubeplatform's requests apart. */
export const USER_AGENT = 'kubeplatform-clusters-node';

/** @public */
export interface RequestOptions {
  /** Time allowed until the response headers arrive. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Sent as `Accept`; JSON by default. */
  accept?: string;
  /** Sent as `User-Agent`, so audit logs tell callers apart; the connection's own by default. */
  userAgent?: string;
}

/**
 * One write to the API server, e.g. a patch or a delete, with a JSON body.
 *
 * @public
 */
export interface WriteRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The body's media type, e.g. `application/strategic-merge-patch+json`. */
  contentType: string;
  body: object;
}

/** Sockets per cluster for the watch cache and JSON reads. */
export const WATCH_SOCKETS = 64;
/** Sockets per cluster for pod logs, kept apart so log follows never starve the watches. */
export const LOG_SOCKETS = 16;

export interface ConnectionLimits {
  /** Sockets of the pool that pod log requests use. */
  logSockets: number;
  /** Largest JSON body read into memory (list pages, /version). */
  maxBodyBytes: number;
  /** Longest single line of a watch response; one Kubernetes object is far smaller. */
  maxWatchLineBytes: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  logSockets: LOG_SOCKETS,
  maxBodyBytes: 64 * 1024 * 1024,
  maxWatchLineBytes: 16 * 1024 * 1024,
};

interface ResolvedTarget {
  base: URL;
  /** Watches and JSON reads. */
  agent: http.Agent;
  /** Pod logs only. */
  logAgent: http.Agent;
  headers: Record<string, string>;
}

/**
 * The one place that talks HTTP to one cluster's API server: URL building, TLS, a keep-alive agent,
 * timeouts, and mapping failures to KubernetesRequestError. The credentials it holds are only
 * ever written into request headers.
 *
 * @public
 */
export class KubernetesConnection {
  private resolved?: Promise<ResolvedTarget>;
  private readonly limits: ConnectionLimits;

  constructor(
    readonly clusterName: string,
    private readonly loadKubeConfig: () => Promise<KubeConfig>,
    limits: Partial<ConnectionLimits> = {},
  ) {
    this.limits = { ...DEFAULT_CONNECTION_LIMITS, ...limits };
  }

  /** Drops the cached credentials and agents, e.g. after a 401, so they are loaded again. */
  reset(): void {
    const previous = this.resolved;
    this.resolved = undefined;
    previous
      ?.then(r => {
        r.agent.destroy();
        r.logAgent.destroy();
      })
      .catch(() => {});
  }

  close(): void {
    this.reset();
  }

  async getJson<T>(path: string, options: RequestOptions): Promise<T> {
    const res = await this.request(path, options);
    const body = await readBody(
      res,
      options.timeoutMs * 4,
      this.limits.maxBodyBytes,
    );
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new KubernetesRequestError(
        'server_error',
        `${this.describe('GET', path)} returned invalid JSON`,
      );
    }
  }

  /**
   * Sends one write with the same credentials, TLS and failure mapping as the reads; resolves with
   * the parsed JSON answer of a 2xx (undefined when the answer is not JSON).
   */
  async writeJson(
    write: WriteRequest,
    options: RequestOptions,
  ): Promise<unknown> {
    const payload = JSON.stringify(write.body);
    const { res, what } = await this.send(
      write.method,
      write.path,
      options,
      {
        'Content-Type': write.contentType,
        'Content-Length': String(Buffer.byteLength(payload)),
      },
      payload,
    );
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      throw await this.failure(res, what, options.timeoutMs);
    }
    const body = await readBody(
      res,
      options.timeoutMs * 4,
      this.limits.maxBodyBytes,
    );
    try {
      return JSON.parse(body);
    } catch {
      return undefined;
    }
  }

  /**
   * Opens a streaming GET (watch, logs): resolves once the status is 200, with the response to
   * read from. Rejects with a KubernetesRequestError otherwise. Pod logs go through a pool of
   * their own; a watch response ends with an error at a line longer than maxWatchLineBytes.
   */
  async request(path: string, options: RequestOptions): Promise<Readable> {
    const { res, url, what } = await this.send('GET', path, options);
    if (res.statusCode !== 200) {
      throw await this.failure(res, what, options.timeoutMs);
    }
    return url.searchParams.get('watch') === 'true'
      ? limitLineLength(res, this.limits.maxWatchLineBytes)
      : res;
  }

  /** Sends one request; resolves with the response once its headers arrive, whatever its status. */
  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    contentHeaders: Record<string, string> = {},
    payload?: string,
  ): Promise<{ res: http.IncomingMessage; url: URL; what: string }> {
    const what = this.describe(method, path);
    let target: ResolvedTarget;
    try {
      target = await this.resolve();
    } catch (error) {
      this.resolved = undefined;
      throw new KubernetesRequestError(
        'unauthorized',
        `cannot load credentials for cluster '${this.clusterName}': ${
          (error as Error).message
        }`,
      );
    }
    const url = new URL(target.base.toString().replace(/\/$/, '') + path);
    const transport = url.protocol === 'https:' ? https : http;
    const isLog = isPodLogPath(url.pathname);
    return new Promise((resolvePromise, rejectPromise) => {
      let settled = false;
      const resolve = (res: http.IncomingMessage) => {
        if (settled) {
          res.destroy();
          return;
        }
        settled = true;
        resolvePromise({ res, url, what });
      };
      const reject = (error: KubernetesRequestError) => {
        if (settled) return;
        settled = true;
        rejectPromise(error);
      };
      const req = transport.request(url, {
        method,
        agent: isLog ? target.logAgent : target.agent,
        headers: {
          ...target.headers,
          ...contentHeaders,
          Accept: options.accept ?? 'application/json',
          'User-Agent': options.userAgent ?? USER_AGENT,
        },
        signal: options.signal,
      });
      const timer = setTimeout(() => {
        const error = new KubernetesRequestError(
          'timeout',
          `${what} timed out after ${options.timeoutMs} ms`,
        );
        // A request still queued for a socket emits no error when destroyed: reject here too.
        reject(error);
        req.destroy(error);
      }, options.timeoutMs);
      req.on('error', error => {
        clearTimeout(timer);
        reject(KubernetesRequestError.fromNetworkError(error, what));
      });
      req.on('response', res => {
        clearTimeout(timer);
        resolve(res);
      });
      req.end(payload);
    });
  }

  private describe(method: string, path: string): string {
    return `${method} ${path.split('?')[0]} on cluster '${this.clusterName}'`;
  }

  /** The error for an answer that is not a success, with the Status message when there is one. */
  private async failure(
    res: http.IncomingMessage,
    what: string,
    timeoutMs: number,
  ): Promise<KubernetesRequestError> {
    if (res.statusCode === 401) this.reset();
    const retryAfter = Number(res.headers['retry-after']);
    const detail = await readBody(res, timeoutMs, 64 * 1024)
      .then(body => statusMessage(body))
      .catch(() => undefined);
    return KubernetesRequestError.fromStatus(
      res.statusCode ?? 0,
      what,
      detail,
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }

  private resolve() {
    if (!this.resolved) {
      this.resolved = (async () => {
        const kc = await this.loadKubeConfig();
        const cluster = kc.getCurrentCluster();
        if (!cluster) throw new Error('kubeconfig has no current cluster');
        const opts: https.RequestOptions = {};
        await kc.applyToHTTPSOptions(opts);
        const base = new URL(cluster.server);
        const agentOptions: https.AgentOptions = {
          keepAlive: true,
          ca: opts.ca,
          cert: opts.cert,
          key: opts.key,
          rejectUnauthorized: !cluster.skipTLSVerify,
          servername: cluster.tlsServerName,
        };
        const makeAgent = (maxSockets: number) =>
          base.protocol === 'https:'
            ? new https.Agent({ ...agentOptions, maxSockets })
            : new http.Agent({ keepAlive: true, maxSockets });
        const agent = makeAgent(WATCH_SOCKETS);
        const logAgent = makeAgent(this.limits.logSockets);
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(opts.headers ?? {})) {
          if (typeof value === 'string') headers[key] = value;
        }
        if (opts.auth) {
          headers.Authorization = `Basic ${Buffer.from(opts.auth).toString(
            'base64',
          )}`;
        }
        return { base, agent, logAgent, headers };
      })();
    }
    return this.resolved;
  }
}

/** `/api/v1/namespaces/<ns>/pods/<name>/log`: the pod log subresource. */
function isPodLogPath(pathname: string): boolean {
  return /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/log$/.test(pathname);
}

function readBody(
  res: Readable,
  timeoutMs: number,
  maxBytes: number,
): Promise<string> {
  return new Promise((executorResolve, executorReject) => {
    // The listeners reach the chunks and this promise only through `pending`, which settling
    // clears: a pooled TLS socket keeps the request that opened it, and so this response and its
    // listeners, reachable for as long as the socket lives, and with them would go the whole body
    // (a list page is megabytes). `resolve`/`reject` themselves are not captured by any listener.
    let pending:
      | {
          chunks: Buffer[];
          size: number;
          timer: NodeJS.Timeout;
          resolve: (body: string) => void;
          reject: (error: Error) => void;
        }
      | undefined = {
      chunks: [],
      size: 0,
      timer: setTimeout(() => {
        res.destroy(
          new KubernetesRequestError(
            'timeout',
            'reading the response timed out',
          ),
        );
      }, timeoutMs),
      resolve: executorResolve,
      reject: executorReject,
    };
    const settle = () => {
      const settled = pending;
      pending = undefined;
      if (settled) clearTimeout(settled.timer);
      return settled;
    };
    res.on('data', (chunk: Buffer) => {
      if (!pending) return;
      pending.size += chunk.length;
      if (pending.size > maxBytes) {
        res.destroy(
          new KubernetesRequestError(
            'server_error',
            `the response is larger than ${maxBytes} bytes`,
          ),
        );
        return;
      }
      pending.chunks.push(chunk);
    });
    res.on('end', () => {
      const settled = settle();
      settled?.resolve(Buffer.concat(settled.chunks).toString('utf8'));
    });
    res.on('error', error => {
      settle()?.reject(error);
    });
  });
}

/** The `message` of a Kubernetes Status body, when the body is one. */
function statusMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body);
    return typeof parsed?.message === 'string' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}
